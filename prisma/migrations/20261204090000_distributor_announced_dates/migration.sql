-- The day the distributor announces for a line's awaited copies (a reprint, a late parcel): the
-- line's delivery estimate counts from it (lib/orders/delivery-plan.ts, lineDeliveryWindow).
ALTER TABLE "OrderLine" ADD COLUMN "distributorExpectedOn" DATE;
