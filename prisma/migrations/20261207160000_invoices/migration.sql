-- Invoices and credit notes of their own, numbered in one continuous sequence per series and
-- year (CGI art. 242 nonies A, 7°; BOI-TVA-DECLA-30-20-20 for credit notes), frozen once issued.
CREATE TYPE "InvoiceKind" AS ENUM ('invoice', 'credit_note');

CREATE TABLE "InvoiceCounter" (
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("series","year")
);

CREATE TABLE "Invoice" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "lines" JSONB NOT NULL,
    "vat" JSONB NOT NULL,
    "shippingCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "creditedInvoiceId" INTEGER,
    "refundId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Invoice_credit_note_has_invoice" CHECK (("kind" = 'credit_note') = ("creditedInvoiceId" IS NOT NULL))
);

CREATE TABLE "InvoiceOrder" (
    "invoiceId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,

    CONSTRAINT "InvoiceOrder_pkey" PRIMARY KEY ("invoiceId","orderId")
);

CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");
CREATE UNIQUE INDEX "Invoice_refundId_key" ON "Invoice"("refundId");
CREATE INDEX "Invoice_creditedInvoiceId_idx" ON "Invoice"("creditedInvoiceId");
CREATE UNIQUE INDEX "Invoice_series_year_sequence_key" ON "Invoice"("series", "year", "sequence");
CREATE INDEX "InvoiceOrder_orderId_idx" ON "InvoiceOrder"("orderId");

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoiceOrder" ADD CONSTRAINT "InvoiceOrder_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoiceOrder" ADD CONSTRAINT "InvoiceOrder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An issued invoice is never changed: a correction is a credit note. It is deleted only once the
-- 10 years of Code de commerce art. L123-22 are over (11 years from its issue: the close of its year).
CREATE FUNCTION "invoice_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."issuedAt" < now() - interval '11 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'Invoice is frozen once issued (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "Invoice_no_update_or_delete" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION "invoice_frozen"();
CREATE TRIGGER "Invoice_no_truncate" BEFORE TRUNCATE ON "Invoice"
  FOR EACH STATEMENT EXECUTE FUNCTION "invoice_frozen"();
