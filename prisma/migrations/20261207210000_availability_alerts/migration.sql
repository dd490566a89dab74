-- Availability alerts (docs/decisions/022-availability-alerts.md): a reader leaves an e-mail on a
-- book that cannot ship within the in-stock delay ("M'avertir de sa disponibilité"), confirms it
-- by a link, and gets one e-mail when the book's stored availability becomes in_stock (or one
-- saying it went out of print). The trigger below marks the alerts due in the transaction of the
-- change, whatever wrote Book.availability; the worker turns due alerts into e-mails.
CREATE TYPE "AvailabilityAlertStatus" AS ENUM ('pending', 'confirmed', 'due', 'closed');
CREATE TYPE "AvailabilityAlertOutcome" AS ENUM ('available', 'out_of_print');

CREATE TABLE "AvailabilityAlert" (
    "id" SERIAL NOT NULL,
    "bookId" INTEGER NOT NULL,
    -- Lower-cased, trimmed (lib/validation/availability-alerts.ts).
    "email" TEXT NOT NULL,
    "status" "AvailabilityAlertStatus" NOT NULL DEFAULT 'pending',
    "outcome" "AvailabilityAlertOutcome",
    -- Confirmation e-mails owed so far: the version of the next one.
    "confirmationsSent" INTEGER NOT NULL DEFAULT 0,
    -- A signed-in reader's alert (no foreign key here: the reader accounts come separately).
    "readerId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AvailabilityAlert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AvailabilityAlert_outcome_when_due" CHECK (("status" IN ('due', 'closed')) = ("outcome" IS NOT NULL))
);

-- One open alert per book and address: asking again finds it.
CREATE UNIQUE INDEX "AvailabilityAlert_open_book_email_key" ON "AvailabilityAlert"("bookId", "email")
    WHERE "status" IN ('pending', 'confirmed', 'due');
-- The readers waiting for a book (the trigger, the stock desk's counts).
CREATE INDEX "AvailabilityAlert_waiting_bookId_idx" ON "AvailabilityAlert"("bookId") WHERE "status" = 'confirmed';
-- The worker's queue of due alerts.
CREATE INDEX "AvailabilityAlert_due_idx" ON "AvailabilityAlert"("id") WHERE "status" = 'due';
CREATE INDEX "AvailabilityAlert_status_createdAt_idx" ON "AvailabilityAlert"("status", "createdAt");
CREATE INDEX "AvailabilityAlert_email_idx" ON "AvailabilityAlert"("email");

ALTER TABLE "AvailabilityAlert" ADD CONSTRAINT "AvailabilityAlert_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The links of an alert's e-mails (/alerte/<token>): one per e-mail sent, each valid while the
-- alert exists (an earlier e-mail's link still confirms or cancels); only the SHA-256 is stored.
CREATE TABLE "AvailabilityAlertLink" (
    "id" SERIAL NOT NULL,
    "alertId" INTEGER NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvailabilityAlertLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "AvailabilityAlertLink_tokenHash_key" ON "AvailabilityAlertLink"("tokenHash");
CREATE INDEX "AvailabilityAlertLink_alertId_idx" ON "AvailabilityAlertLink"("alertId");
ALTER TABLE "AvailabilityAlertLink" ADD CONSTRAINT "AvailabilityAlertLink_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "AvailabilityAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The e-mails of an alert: the outbox now holds e-mails about an order, a request, a sign-in link
-- (migration 20261207200000) or an alert.
ALTER TYPE "EmailKind" ADD VALUE 'availability_alert_confirm';
ALTER TYPE "EmailKind" ADD VALUE 'availability_alert_available';
ALTER TYPE "EmailKind" ADD VALUE 'availability_alert_out_of_print';

ALTER TABLE "EmailMessage" ADD COLUMN "availabilityAlertId" INTEGER;
ALTER TABLE "EmailMessage" DROP CONSTRAINT "EmailMessage_about_one_thing";
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_about_one_thing"
    CHECK (num_nonnulls("orderId", "bookRequestId", "signInLinkId", "availabilityAlertId") = 1);
CREATE UNIQUE INDEX "EmailMessage_kind_availabilityAlertId_version_key" ON "EmailMessage"("kind", "availabilityAlertId", "version");
CREATE INDEX "EmailMessage_availabilityAlertId_idx" ON "EmailMessage"("availabilityAlertId");
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_availabilityAlertId_fkey" FOREIGN KEY ("availabilityAlertId") REFERENCES "AvailabilityAlert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Whatever writes Book.availability (a delivery, an inventory, a correction, the ONIX import in
-- raw SQL, a book edited at the desk), in the same transaction: the book's confirmed alerts fall
-- due when it comes in stock, or when it goes out of print (ONIX list 65 code 51, "épuisé").
-- Per row, only for the rows whose availability moved to one of those two states (the WHEN
-- clause costs nothing to the other rows of a large import). NOTIFY wakes the workers
-- (scripts/worker.ts); their every-minute job catches a missed one.
CREATE FUNCTION availability_alerts_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AvailabilityAlert"
     SET "status" = 'due',
         "outcome" = (CASE WHEN NEW."availability" = 'in_stock' THEN 'available' ELSE 'out_of_print' END)::"AvailabilityAlertOutcome",
         "dueAt" = now(), "updatedAt" = now()
   WHERE "bookId" = NEW."id" AND "status" = 'confirmed';
  IF FOUND THEN PERFORM pg_notify('availability_alert_due', ''); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Book_availability_alerts" AFTER UPDATE OF "availability" ON "Book"
FOR EACH ROW
WHEN (OLD."availability" IS DISTINCT FROM NEW."availability" AND NEW."availability" IN ('in_stock', 'out_of_print'))
EXECUTE FUNCTION availability_alerts_due();

-- A person's erasure (RGPD art. 17; /admin/donnees-personnelles, "Supprimer mon compte", or
-- replayed by a restore from its journal) deletes their availability alerts too: the function of
-- migration 20261207200000, one statement more.
CREATE OR REPLACE FUNCTION "erase_personal_data"(p_email_sha256 TEXT, p_at TIMESTAMP(3))
RETURNS TABLE("unpaidOrders" INTEGER, "paidOrders" INTEGER, "bookRequests" INTEGER)
LANGUAGE plpgsql AS $$
DECLARE
  v_unpaid INTEGER;
  v_paid INTEGER;
  v_requests INTEGER;
BEGIN
  -- The reader's account, its sessions and addresses (cascade), and its sign-in links.
  DELETE FROM "Reader" WHERE encode(sha256(convert_to("email", 'UTF8')), 'hex') = p_email_sha256;
  DELETE FROM "SignInLink" WHERE encode(sha256(convert_to(lower("email"), 'UTF8')), 'hex') = p_email_sha256;

  CREATE TEMP TABLE IF NOT EXISTS "erased_orders" ("id" INTEGER) ON COMMIT DROP;
  DELETE FROM "erased_orders";
  INSERT INTO "erased_orders"
    SELECT "id" FROM "Order" WHERE encode(sha256(convert_to(lower("email"), 'UTF8')), 'hex') = p_email_sha256;

  -- A payment may still arrive for an order expired lately (it is then honoured): those keep
  -- the name and address an invoice would need, and lose their contact like a paid order.
  UPDATE "Order" SET "email" = 'anonyme@invalid', "fullName" = 'Client anonymisé', "phone" = '',
         "addressLine1" = NULL, "addressLine2" = NULL, "postalCode" = NULL, "city" = NULL,
         "clientKey" = NULL, "checkoutFingerprint" = NULL, "anonymisedAt" = p_at, "updatedAt" = now()
   WHERE "id" IN (SELECT "id" FROM "erased_orders") AND "paidAt" IS NULL
     AND "status" IN ('expired', 'payment_failed', 'replaced', 'cancelled')
     AND "updatedAt" < p_at - interval '30 days';
  GET DIAGNOSTICS v_unpaid = ROW_COUNT;

  UPDATE "Order" SET "email" = 'anonyme@invalid', "phone" = '', "clientKey" = NULL,
         "checkoutFingerprint" = NULL, "contactErasedAt" = p_at, "updatedAt" = now()
   WHERE "id" IN (SELECT "id" FROM "erased_orders") AND "anonymisedAt" IS NULL AND "status" <> 'pending_payment';
  GET DIAGNOSTICS v_paid = ROW_COUNT;

  UPDATE "EmailMessage" SET "toAddress" = 'anonyme@invalid', "html" = NULL, "text" = NULL,
         "payload" = '{"anonymised": true}'::jsonb, "updatedAt" = now()
   WHERE "orderId" IN (SELECT "id" FROM "erased_orders") AND "status" <> 'pending';
  UPDATE "Withdrawal" SET "declarantName" = NULL, "reason" = NULL
   WHERE "orderId" IN (SELECT "id" FROM "erased_orders");
  DELETE FROM "TrackingToken" WHERE "orderId" IN (SELECT "id" FROM "erased_orders");

  UPDATE "BookRequest" SET "fullName" = 'Client anonymisé', "email" = 'anonyme@invalid', "phone" = NULL,
         "message" = NULL, "anonymisedAt" = p_at, "updatedAt" = now()
   WHERE encode(sha256(convert_to(lower("email"), 'UTF8')), 'hex') = p_email_sha256;
  GET DIAGNOSTICS v_requests = ROW_COUNT;
  UPDATE "EmailMessage" SET "toAddress" = 'anonyme@invalid', "html" = NULL, "text" = NULL,
         "payload" = '{"anonymised": true}'::jsonb, "updatedAt" = now()
   WHERE "bookRequestId" IN (SELECT "id" FROM "BookRequest" WHERE "anonymisedAt" = p_at AND "email" = 'anonyme@invalid')
     AND "status" <> 'pending';

  -- Availability alerts: deleted whole, with their e-mails and links (nothing in them is owed to anyone).
  DELETE FROM "AvailabilityAlert" WHERE encode(sha256(convert_to(lower("email"), 'UTF8')), 'hex') = p_email_sha256;

  RETURN QUERY SELECT v_unpaid, v_paid, v_requests;
END
$$;
