-- The version of the conditions générales de vente each order was placed under (lib/terms/version.ts):
-- the terms a customer accepted can be found again (Code civil, art. 1127-1). Null for older orders.
ALTER TABLE "Order" ADD COLUMN "termsVersion" TEXT;
