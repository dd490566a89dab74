-- Quotes (devis) for customer organisations, numbered without gap per year, frozen once made,
-- accepted once into an order on account: docs/decisions/030-quotes.md.

-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('open', 'accepted');

-- CreateTable
CREATE TABLE "QuoteCounter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "QuoteCounter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "requestedByEmail" VARCHAR(254) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "validUntil" DATE NOT NULL,
    "deliveryMethod" "DeliveryMethod" NOT NULL,
    "shippingTable" JSONB NOT NULL,
    "pricing" JSONB NOT NULL,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "lines" JSONB NOT NULL,
    "vat" JSONB NOT NULL,
    "goodsCents" INTEGER NOT NULL,
    "shippingCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "paymentTermDays" INTEGER NOT NULL,
    "status" "QuoteStatus" NOT NULL DEFAULT 'open',
    "acceptedAt" TIMESTAMP(3),
    "acceptedBy" TEXT,
    "acceptedOrderId" INTEGER,
    "repricedDifferenceCents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id"),
    -- Accepted exactly when it has its order, its date and who accepted it.
    CONSTRAINT "Quote_acceptance" CHECK (("status" = 'accepted') = ("acceptedOrderId" IS NOT NULL)
      AND ("acceptedOrderId" IS NULL) = ("acceptedAt" IS NULL)
      AND ("acceptedOrderId" IS NULL) = ("acceptedBy" IS NULL))
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" SERIAL NOT NULL,
    "quoteId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "ean" VARCHAR(13) NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "publisherPriceCents" INTEGER NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "lineTotalCents" INTEGER NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL,

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "QuoteLine_quantity_positive" CHECK ("quantity" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "Quote_number_key" ON "Quote"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_acceptedOrderId_key" ON "Quote"("acceptedOrderId");

-- CreateIndex
CREATE INDEX "Quote_organisationId_issuedAt_idx" ON "Quote"("organisationId", "issuedAt");

-- CreateIndex
CREATE INDEX "Quote_issuedAt_idx" ON "Quote"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_year_sequence_key" ON "Quote"("year", "sequence");

-- CreateIndex
CREATE INDEX "QuoteLine_quoteId_idx" ON "QuoteLine"("quoteId");

-- CreateIndex
CREATE INDEX "QuoteLine_bookId_idx" ON "QuoteLine"("bookId");

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "CustomerOrganisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_acceptedOrderId_fkey" FOREIGN KEY ("acceptedOrderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A quote says what the shop offered: nothing of it changes but its acceptance, given once.
CREATE FUNCTION "quote_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Quote' AND OLD."status" = 'open'
     AND (to_jsonb(NEW) - 'status' - 'acceptedAt' - 'acceptedBy' - 'acceptedOrderId' - 'repricedDifferenceCents')
       = (to_jsonb(OLD) - 'status' - 'acceptedAt' - 'acceptedBy' - 'acceptedOrderId' - 'repricedDifferenceCents') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is frozen once made (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "Quote_frozen" BEFORE UPDATE OR DELETE ON "Quote"
  FOR EACH ROW EXECUTE FUNCTION "quote_frozen"();
CREATE TRIGGER "QuoteLine_frozen" BEFORE UPDATE OR DELETE ON "QuoteLine"
  FOR EACH ROW EXECUTE FUNCTION "quote_frozen"();
