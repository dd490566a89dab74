-- CreateEnum
CREATE TYPE "Carrier" AS ENUM ('colissimo', 'mondial_relay', 'chronopost');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('libraire', 'admin');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('requested', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "RefundReason" AS ENUM ('withdrawal', 'damaged', 'unavailable', 'goodwill', 'cancellation', 'other');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OrderStatus" ADD VALUE 'preparing';
ALTER TYPE "OrderStatus" ADD VALUE 'shipped';
ALTER TYPE "OrderStatus" ADD VALUE 'delivered';
ALTER TYPE "OrderStatus" ADD VALUE 'ready_for_pickup';
ALTER TYPE "OrderStatus" ADD VALUE 'collected';
ALTER TYPE "OrderStatus" ADD VALUE 'cancelled';

-- AlterEnum
ALTER TYPE "StockMovementReason" ADD VALUE 'SALE_CANCELLED';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "carrier" "Carrier",
ADD COLUMN     "trackingNumber" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "cancelledBackorderQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "receivedQuantity" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refundedQuantity" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Staff" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" SERIAL NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "staffId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" VARCHAR(64),
    "userAgent" VARCHAR(300),

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staffId" INTEGER,
    "action" VARCHAR(64) NOT NULL,
    "orderId" INTEGER,
    "before" JSONB,
    "after" JSONB,
    "ipAddress" VARCHAR(64),

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "idempotencyKey" UUID NOT NULL,
    "stripeRefundId" TEXT,
    "status" "RefundStatus" NOT NULL DEFAULT 'requested',
    "amountCents" INTEGER NOT NULL,
    "shippingCents" INTEGER NOT NULL DEFAULT 0,
    "extraCents" INTEGER NOT NULL DEFAULT 0,
    "reason" "RefundReason" NOT NULL,
    "note" TEXT,
    "restock" BOOLEAN NOT NULL,
    "staffId" INTEGER,
    "appliedAt" TIMESTAMP(3),
    "failureMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" SERIAL NOT NULL,
    "refundId" INTEGER NOT NULL,
    "orderLineId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "restockedQuantity" INTEGER NOT NULL DEFAULT 0,
    "cancelledBackorderQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Staff_email_key" ON "Staff"("email");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginThrottle_expire_idx" ON "LoginThrottle"("expire");

-- CreateIndex
CREATE INDEX "AuditEntry_orderId_at_idx" ON "AuditEntry"("orderId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_stripeRefundId_key" ON "Refund"("stripeRefundId");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE INDEX "RefundLine_orderLineId_idx" ON "RefundLine"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "RefundLine_refundId_orderLineId_key" ON "RefundLine"("refundId", "orderLineId");

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Invariants Prisma cannot express, kept by the database itself (hand-written).
-- A line never receives, cancels or refunds more copies than it has.
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_fulfilment_consistent"
  CHECK ("receivedQuantity" >= 0 AND "cancelledBackorderQuantity" >= 0
         AND "receivedQuantity" + "cancelledBackorderQuantity" <= "backorderQuantity"
         AND "refundedQuantity" >= 0 AND "refundedQuantity" <= "quantity");
ALTER TABLE "Order" ADD CONSTRAINT "Order_version_nonnegative" CHECK ("version" >= 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amounts_consistent"
  CHECK ("amountCents" > 0 AND "shippingCents" >= 0 AND "extraCents" >= 0);
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_quantities_consistent"
  CHECK ("quantity" > 0 AND "amountCents" >= 0 AND "restockedQuantity" >= 0
         AND "cancelledBackorderQuantity" >= 0
         AND "restockedQuantity" + "cancelledBackorderQuantity" <= "quantity");
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_email_lower_case" CHECK ("email" = lower("email"));

-- The audit log is append-only: no row is ever changed or removed, whatever the code does.
CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "AuditEntry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();
