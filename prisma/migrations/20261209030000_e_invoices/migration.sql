-- What was handed to the approved e-invoicing platform (plateforme agréée): each invoice to a
-- business once, and each day's e-reporting of sales to consumers once, whatever retries the job
-- (docs/decisions/031-e-invoices.md). A handover goes with its invoice when the invoice's 10 years are
-- over (lib/data/privacy/retention.ts).
CREATE TABLE "EInvoiceHandover" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "platform" VARCHAR(40) NOT NULL,
    "reference" VARCHAR(300) NOT NULL,
    "handedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "EInvoiceHandover_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "EInvoiceHandover_invoiceId_key" ON "EInvoiceHandover"("invoiceId");

ALTER TABLE "EInvoiceHandover" ADD CONSTRAINT "EInvoiceHandover_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ConsumerSalesReport" (
    "day" DATE NOT NULL,
    "platform" VARCHAR(40) NOT NULL,
    "reference" VARCHAR(300) NOT NULL,
    "handedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ConsumerSalesReport_pkey" PRIMARY KEY ("day")
);
