-- One word for a copy kept for an unpaid order: "hold" (was "reservation").
ALTER TYPE "ReservationStatus" RENAME TO "HoldStatus";
ALTER TABLE "Reservation" RENAME TO "Hold";
ALTER TABLE "Hold" RENAME CONSTRAINT "Reservation_pkey" TO "Hold_pkey";
ALTER TABLE "Hold" RENAME CONSTRAINT "Reservation_orderId_fkey" TO "Hold_orderId_fkey";
ALTER TABLE "Hold" RENAME CONSTRAINT "Reservation_bookId_fkey" TO "Hold_bookId_fkey";
ALTER TABLE "Hold" RENAME CONSTRAINT "Reservation_quantity_positive" TO "Hold_quantity_positive";
ALTER SEQUENCE "Reservation_id_seq" RENAME TO "Hold_id_seq";
ALTER INDEX "Reservation_bookId_status_expiresAt_idx" RENAME TO "Hold_bookId_status_expiresAt_idx";
ALTER INDEX "Reservation_orderId_idx" RENAME TO "Hold_orderId_idx";
ALTER TABLE "StockLevel" RENAME COLUMN "reserved" TO "held";
ALTER TABLE "StockLevel" RENAME CONSTRAINT "StockLevel_reserved_within_onHand" TO "StockLevel_held_within_onHand";

-- An unpaid order that gave way to a newer order of the same cart is "replaced", not "expired".
ALTER TYPE "OrderStatus" ADD VALUE 'replaced' BEFORE 'refunded';
