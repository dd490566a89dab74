-- Orders on account for customer organisations, and the invoice they get:
-- docs/decisions/027-orders-on-account.md.

-- AlterTable: the organisation an order is placed for, on account (no card, paid by transfer on invoice).
ALTER TABLE "Order" ADD COLUMN "organisationId" INTEGER,
ADD COLUMN "purchaseOrderNumber" VARCHAR(50),
ADD COLUMN "engagementNumber" VARCHAR(50),
ADD COLUMN "paymentTermsDays" INTEGER,
ADD CONSTRAINT "Order_on_account_terms" CHECK (("organisationId" IS NULL) = ("paymentTermsDays" IS NULL)),
-- C. com. L441-10: 60 days at most.
ADD CONSTRAINT "Order_payment_terms_range" CHECK ("paymentTermsDays" BETWEEN 0 AND 60);

CREATE INDEX "Order_organisationId_idx" ON "Order"("organisationId");

ALTER TABLE "Order" ADD CONSTRAINT "Order_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "CustomerOrganisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable: an invoice payable by transfer: its due date and its payment terms as issued
-- (lib/invoicing/payment-terms.ts: IBAN, late-payment penalties, recovery indemnity).
ALTER TABLE "Invoice" ADD COLUMN "dueOn" DATE,
ADD COLUMN "paymentTerms" JSONB;

-- AlterTable: the account organisations pay to by transfer ("" until an admin sets it).
ALTER TABLE "ShopSettings" ADD COLUMN "iban" VARCHAR(34) NOT NULL DEFAULT '',
ADD COLUMN "bic" VARCHAR(11) NOT NULL DEFAULT '';
