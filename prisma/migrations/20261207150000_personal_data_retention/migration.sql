-- Personal data kept no longer than the privacy notice says (RGPD art. 5.1.e; lib/legal/retention.ts),
-- enforced by the worker (lib/data/privacy/retention.ts): when each row was anonymised.
ALTER TABLE "Order" ADD COLUMN "anonymisedAt" TIMESTAMP(3),
ADD COLUMN "contactErasedAt" TIMESTAMP(3);
ALTER TABLE "BookRequest" ADD COLUMN "anonymisedAt" TIMESTAMP(3);

-- The audit log stays append-only, with one exception: its IP address may be dropped once its
-- retention period is over (a year). Any other change, any deletion, is still refused.
CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."ipAddress" IS NULL AND OLD."at" < now() - interval '360 days'
     AND (NEW."id", NEW."at", NEW."staffId", NEW."action", NEW."orderId", NEW."before", NEW."after")
         IS NOT DISTINCT FROM (OLD."id", OLD."at", OLD."staffId", OLD."action", OLD."orderId", OLD."before", OLD."after") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEntry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- A data subject's erasure (RGPD art. 17), written once for the app (lib/data/privacy/subject-requests.ts)
-- and for a restore that must apply it again (scripts/lib/backup/erasures.ts): the person is known by
-- the SHA-256 of their lower-cased e-mail, so the erasure journal never holds the address itself.
-- Unpaid orders are anonymised (one still being paid is left to the retention job); paid ones
-- lose their e-mail and phone, the invoice keeping the name
-- and address (art. 17.3.b: a legal obligation, Code de commerce L123-22); their e-mails' copies
-- go; book requests are anonymised. Returns how many rows of each were changed.
CREATE FUNCTION "erase_personal_data"(p_email_sha256 TEXT, p_at TIMESTAMP(3))
RETURNS TABLE("unpaidOrders" INTEGER, "paidOrders" INTEGER, "bookRequests" INTEGER)
LANGUAGE plpgsql AS $$
DECLARE
  v_unpaid INTEGER;
  v_paid INTEGER;
  v_requests INTEGER;
BEGIN
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
