-- Pre-orders of forthcoming titles (docs/decisions/023-pre-orders.md): the publication date a
-- line's copies wait for, and what was given back per copy when the publisher's price fell
-- before they were delivered (loi n° 81-766, art. 1).
ALTER TABLE "OrderLine" ADD COLUMN "preOrderPublishedOn" DATE;
ALTER TABLE "OrderLine" ADD COLUMN "priceDropPerCopyCents" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_priceDropPerCopyCents_check"
  CHECK ("priceDropPerCopyCents" >= 0 AND "priceDropPerCopyCents" <= "unitPriceCents");

-- The difference refunded when the publisher's price falls before the copies are delivered.
ALTER TYPE "RefundReason" ADD VALUE 'price_drop';

-- That difference is refunded on its line without refunding any copy: a refund line of quantity 0.
ALTER TABLE "RefundLine" DROP CONSTRAINT "RefundLine_quantities_consistent";
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_quantities_consistent"
  CHECK ("quantity" >= 0 AND "amountCents" >= 0 AND "restockedQuantity" >= 0
         AND "cancelledBackorderQuantity" >= 0
         AND "restockedQuantity" + "cancelledBackorderQuantity" <= "quantity");
