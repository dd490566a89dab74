-- A person's erasure (RGPD art. 17) also takes their e-mail off the customer organisations they
-- ordered for (OrganisationMember) and off the quotes they asked or accepted (Quote): the function
-- of migration 20261207210000, two statements more. An organisation's billing e-mail is the
-- organisation's and stays (staff replace it on its page); the quote itself, the organisation's
-- document, stays as it was offered.

-- A quote is frozen once made (migration 20261209020000) but for its acceptance, and now for the
-- erasure of the e-mail of whoever asked or accepted it.
CREATE OR REPLACE FUNCTION "quote_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Quote' AND OLD."status" = 'open'
     AND (to_jsonb(NEW) - 'status' - 'acceptedAt' - 'acceptedBy' - 'acceptedOrderId' - 'repricedDifferenceCents')
       = (to_jsonb(OLD) - 'status' - 'acceptedAt' - 'acceptedBy' - 'acceptedOrderId' - 'repricedDifferenceCents') THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Quote'
     AND (NEW."requestedByEmail" = OLD."requestedByEmail" OR NEW."requestedByEmail" = 'anonyme@invalid')
     AND (NEW."acceptedBy" IS NOT DISTINCT FROM OLD."acceptedBy" OR NEW."acceptedBy" = 'anonyme@invalid')
     AND (to_jsonb(NEW) - 'requestedByEmail' - 'acceptedBy') = (to_jsonb(OLD) - 'requestedByEmail' - 'acceptedBy') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is frozen once made (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

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

  -- The person's place among an organisation's buyers (the organisation, its orders and invoices stay).
  DELETE FROM "OrganisationMember" WHERE encode(sha256(convert_to(lower("email"), 'UTF8')), 'hex') = p_email_sha256;
  UPDATE "Quote" SET "requestedByEmail" = 'anonyme@invalid'
   WHERE encode(sha256(convert_to(lower("requestedByEmail"), 'UTF8')), 'hex') = p_email_sha256;
  UPDATE "Quote" SET "acceptedBy" = 'anonyme@invalid'
   WHERE encode(sha256(convert_to(lower("acceptedBy"), 'UTF8')), 'hex') = p_email_sha256;

  RETURN QUERY SELECT v_unpaid, v_paid, v_requests;
END
$$;
