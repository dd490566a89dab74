-- Readers' accounts without a password (docs/decisions/021-reader-accounts.md): the account, its
-- sessions, its saved addresses, and the sign-in links e-mailed from /compte/connexion.
CREATE TABLE "Reader" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reader_pkey" PRIMARY KEY ("id"),
    -- One account per address, whatever its case: the e-mail is stored lower-case.
    CONSTRAINT "Reader_email_lower_case" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "Reader_email_key" ON "Reader"("email");
CREATE INDEX "Reader_lastSignInAt_idx" ON "Reader"("lastSignInAt");

CREATE TABLE "ReaderSession" (
    "id" SERIAL NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "readerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReaderSession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReaderSession_tokenHash_key" ON "ReaderSession"("tokenHash");
CREATE INDEX "ReaderSession_readerId_idx" ON "ReaderSession"("readerId");
CREATE INDEX "ReaderSession_expiresAt_idx" ON "ReaderSession"("expiresAt");
ALTER TABLE "ReaderSession" ADD CONSTRAINT "ReaderSession_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SignInLink" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" CHAR(64),
    "codeHash" CHAR(64),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInLink_pkey" PRIMARY KEY ("id"),
    -- The link and the code are minted together, when the e-mail is sent.
    CONSTRAINT "SignInLink_secrets_together" CHECK (("tokenHash" IS NULL) = ("codeHash" IS NULL))
);
CREATE UNIQUE INDEX "SignInLink_tokenHash_key" ON "SignInLink"("tokenHash");
CREATE INDEX "SignInLink_email_expiresAt_idx" ON "SignInLink"("email", "expiresAt");
CREATE INDEX "SignInLink_expiresAt_idx" ON "SignInLink"("expiresAt");

CREATE TABLE "ReaderAddress" (
    "id" SERIAL NOT NULL,
    "readerId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "phone" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "postalCode" VARCHAR(5) NOT NULL,
    "city" TEXT NOT NULL,
    "addressKey" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReaderAddress_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReaderAddress_readerId_addressKey_key" ON "ReaderAddress"("readerId", "addressKey");
ALTER TABLE "ReaderAddress" ADD CONSTRAINT "ReaderAddress_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The sign-in e-mail: the outbox now holds e-mails about an order, a book request or a sign-in link.
ALTER TYPE "EmailKind" ADD VALUE 'sign_in_link';

ALTER TABLE "EmailMessage" ADD COLUMN "signInLinkId" INTEGER;
ALTER TABLE "EmailMessage" DROP CONSTRAINT "EmailMessage_about_one_thing";
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_about_one_thing"
    CHECK (num_nonnulls("orderId", "bookRequestId", "signInLinkId") = 1);
CREATE UNIQUE INDEX "EmailMessage_kind_signInLinkId_version_key" ON "EmailMessage"("kind", "signInLinkId", "version");
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_signInLinkId_fkey" FOREIGN KEY ("signInLinkId") REFERENCES "SignInLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "EmailMessage_signInLinkId_idx" ON "EmailMessage"("signInLinkId");

-- An erasure (RGPD art. 17; from /admin/donnees-personnelles, from "Supprimer mon compte", or
-- applied again after a restore) now deletes the reader's account and sign-in links too; the rest
-- as before (migration 20261207150000).
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

  RETURN QUERY SELECT v_unpaid, v_paid, v_requests;
END
$$;
