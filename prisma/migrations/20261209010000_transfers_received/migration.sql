-- Transfers received on invoices on account, and the reminders of overdue ones:
-- docs/decisions/029-transfers-received.md.

-- CreateTable: a ledger. A transfer received on an invoice payable by transfer is a positive row;
-- a mistaken row is reversed, whole and once, by a negative row naming it, with the reason.
-- Rows are never changed nor deleted (a trigger below).
CREATE TABLE "InvoicePayment" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "bankReference" VARCHAR(140) NOT NULL,
    "reversesId" INTEGER,
    "reason" VARCHAR(500),
    "staffId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoicePayment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InvoicePayment_amount_sign" CHECK (
      ("amountCents" > 0 AND "reversesId" IS NULL)
      OR ("amountCents" < 0 AND "reversesId" IS NOT NULL AND "reason" IS NOT NULL)
    )
);

CREATE INDEX "InvoicePayment_invoiceId_idx" ON "InvoicePayment"("invoiceId");
CREATE UNIQUE INDEX "InvoicePayment_reversesId_key" ON "InvoicePayment"("reversesId");

ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "InvoicePayment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A payment recorded is an accounting entry: entries are never altered once made (the Plan
-- comptable général's intangibility of entries; the records are kept 10 years, C. com. L123-22),
-- never deleted; a mistake is reversed by an entry of its own.
CREATE FUNCTION "invoice_payment_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'InvoicePayment is a ledger (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "InvoicePayment_no_update_or_delete" BEFORE UPDATE OR DELETE ON "InvoicePayment"
  FOR EACH ROW EXECUTE FUNCTION "invoice_payment_frozen"();
CREATE TRIGGER "InvoicePayment_no_truncate" BEFORE TRUNCATE ON "InvoicePayment"
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_payment_frozen"();

-- CreateTable: a reminder of an unpaid invoice, at most one per invoice and per Paris day.
CREATE TABLE "PaymentReminder" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "sentOn" DATE NOT NULL,
    "toAddress" VARCHAR(254) NOT NULL,
    "dueCents" INTEGER NOT NULL,
    "staffId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReminder_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "PaymentReminder_invoiceId_sentOn_key" ON "PaymentReminder"("invoiceId", "sentOn");

ALTER TABLE "PaymentReminder" ADD CONSTRAINT "PaymentReminder_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PaymentReminder" ADD CONSTRAINT "PaymentReminder_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The reminder e-mail (lib/email/payment-reminder-emails.ts).
ALTER TYPE "EmailKind" ADD VALUE 'payment_reminder';
