-- CreateEnum
CREATE TYPE "SupplyTerms" AS ENUM ('firm', 'on_approval');

-- CreateEnum
CREATE TYPE "PurchaseOrderStatus" AS ENUM ('draft', 'sent', 'received', 'cancelled');

-- CreateEnum
CREATE TYPE "StockCountStatus" AS ENUM ('open', 'validated', 'cancelled');

-- CreateEnum
CREATE TYPE "StockCountScope" AS ENUM ('counted_books', 'whole_shop');

-- CreateEnum
CREATE TYPE "OrderOrigin" AS ENUM ('online', 'counter');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StockMovementReason" ADD VALUE 'ORDER_ALLOCATION';
ALTER TYPE "StockMovementReason" ADD VALUE 'INVENTORY';
ALTER TYPE "StockMovementReason" ADD VALUE 'DAMAGED';
ALTER TYPE "StockMovementReason" ADD VALUE 'THEFT';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "origin" "OrderOrigin" NOT NULL DEFAULT 'online',
ADD COLUMN     "payAtPickup" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "readyForPickupAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StockLevel" ADD COLUMN     "reorderThreshold" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "deliveryId" INTEGER,
ADD COLUMN     "staffId" INTEGER,
ADD COLUMN     "stockCountId" INTEGER,
ADD COLUMN     "supplierReturnId" INTEGER;

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "defaultDiscountBasisPoints" INTEGER,
ADD COLUMN     "returnClosesAfterDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "returnNeedsAuthorization" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "returnOpensAfterDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "PurchaseOrder" (
    "id" SERIAL NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "status" "PurchaseOrderStatus" NOT NULL DEFAULT 'draft',
    "sentOn" DATE,
    "note" TEXT,
    "createdById" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PurchaseOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseOrderLine" (
    "id" SERIAL NOT NULL,
    "purchaseOrderId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "forCustomerOrders" INTEGER NOT NULL DEFAULT 0,
    "receivedQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PurchaseOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "noteNumber" VARCHAR(40) NOT NULL,
    "purchaseOrderId" INTEGER,
    "receivedById" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryLine" (
    "id" SERIAL NOT NULL,
    "deliveryId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "terms" "SupplyTerms" NOT NULL,
    "publisherPriceCents" INTEGER NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL,
    "unitCostExclVatCents" INTEGER NOT NULL,
    "returnedQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DeliveryLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierReturn" (
    "id" SERIAL NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "authorizationNumber" VARCHAR(40),
    "expectedCreditCents" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierReturnLine" (
    "id" SERIAL NOT NULL,
    "supplierReturnId" INTEGER NOT NULL,
    "deliveryLineId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "creditCents" INTEGER NOT NULL,

    CONSTRAINT "SupplierReturnLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockCount" (
    "id" SERIAL NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "scope" "StockCountScope" NOT NULL,
    "status" "StockCountStatus" NOT NULL DEFAULT 'open',
    "startedById" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedById" INTEGER,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "StockCount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockCountLine" (
    "stockCountId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "countedQuantity" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockCountLine_pkey" PRIMARY KEY ("stockCountId","bookId")
);

-- CreateTable
CREATE TABLE "StockCountUpload" (
    "id" SERIAL NOT NULL,
    "stockCountId" INTEGER NOT NULL,
    "fileHash" CHAR(64) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "copies" INTEGER NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockCountUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PurchaseOrder_supplierId_status_idx" ON "PurchaseOrder"("supplierId", "status");

-- CreateIndex
CREATE INDEX "PurchaseOrder_status_idx" ON "PurchaseOrder"("status");

-- CreateIndex
CREATE INDEX "PurchaseOrderLine_bookId_idx" ON "PurchaseOrderLine"("bookId");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseOrderLine_purchaseOrderId_bookId_key" ON "PurchaseOrderLine"("purchaseOrderId", "bookId");

-- CreateIndex
CREATE INDEX "Delivery_purchaseOrderId_idx" ON "Delivery"("purchaseOrderId");

-- CreateIndex
CREATE INDEX "Delivery_receivedAt_idx" ON "Delivery"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_supplierId_noteNumber_key" ON "Delivery"("supplierId", "noteNumber");

-- CreateIndex
CREATE INDEX "DeliveryLine_deliveryId_idx" ON "DeliveryLine"("deliveryId");

-- CreateIndex
CREATE INDEX "DeliveryLine_bookId_idx" ON "DeliveryLine"("bookId");

-- CreateIndex
CREATE INDEX "SupplierReturn_supplierId_idx" ON "SupplierReturn"("supplierId");

-- CreateIndex
CREATE INDEX "SupplierReturnLine_supplierReturnId_idx" ON "SupplierReturnLine"("supplierReturnId");

-- CreateIndex
CREATE INDEX "SupplierReturnLine_deliveryLineId_idx" ON "SupplierReturnLine"("deliveryLineId");

-- CreateIndex
CREATE INDEX "StockCount_status_idx" ON "StockCount"("status");

-- CreateIndex
CREATE INDEX "StockCountLine_bookId_idx" ON "StockCountLine"("bookId");

-- CreateIndex
CREATE UNIQUE INDEX "StockCountUpload_stockCountId_fileHash_key" ON "StockCountUpload"("stockCountId", "fileHash");

-- CreateIndex
CREATE INDEX "StockMovement_deliveryId_idx" ON "StockMovement"("deliveryId");

-- CreateIndex
CREATE INDEX "StockMovement_supplierReturnId_idx" ON "StockMovement"("supplierReturnId");

-- CreateIndex
CREATE INDEX "StockMovement_stockCountId_idx" ON "StockMovement"("stockCountId");

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_supplierReturnId_fkey" FOREIGN KEY ("supplierReturnId") REFERENCES "SupplierReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_stockCountId_fkey" FOREIGN KEY ("stockCountId") REFERENCES "StockCount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_purchaseOrderId_fkey" FOREIGN KEY ("purchaseOrderId") REFERENCES "PurchaseOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryLine" ADD CONSTRAINT "DeliveryLine_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryLine" ADD CONSTRAINT "DeliveryLine_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturn" ADD CONSTRAINT "SupplierReturn_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturn" ADD CONSTRAINT "SupplierReturn_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_supplierReturnId_fkey" FOREIGN KEY ("supplierReturnId") REFERENCES "SupplierReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_deliveryLineId_fkey" FOREIGN KEY ("deliveryLineId") REFERENCES "DeliveryLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCount" ADD CONSTRAINT "StockCount_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCount" ADD CONSTRAINT "StockCount_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCountLine" ADD CONSTRAINT "StockCountLine_stockCountId_fkey" FOREIGN KEY ("stockCountId") REFERENCES "StockCount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCountLine" ADD CONSTRAINT "StockCountLine_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCountUpload" ADD CONSTRAINT "StockCountUpload_stockCountId_fkey" FOREIGN KEY ("stockCountId") REFERENCES "StockCount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockCountUpload" ADD CONSTRAINT "StockCountUpload_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand (Prisma cannot declare these): what no code path may ever store.
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_reorderThreshold_nonnegative" CHECK ("reorderThreshold" >= 0);
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_discount_within_bounds"
  CHECK ("defaultDiscountBasisPoints" IS NULL OR "defaultDiscountBasisPoints" BETWEEN 0 AND 10000);
ALTER TABLE "Supplier" ADD CONSTRAINT "Supplier_return_window_ordered"
  CHECK ("returnOpensAfterDays" >= 0 AND "returnClosesAfterDays" >= "returnOpensAfterDays");
ALTER TABLE "PurchaseOrderLine" ADD CONSTRAINT "PurchaseOrderLine_quantities"
  CHECK ("quantity" > 0 AND "forCustomerOrders" >= 0 AND "forCustomerOrders" <= "quantity" AND "receivedQuantity" >= 0);
ALTER TABLE "PurchaseOrder" ADD CONSTRAINT "PurchaseOrder_version_nonnegative" CHECK ("version" >= 0);
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_noteNumber_not_blank" CHECK (btrim("noteNumber") <> '');
ALTER TABLE "DeliveryLine" ADD CONSTRAINT "DeliveryLine_quantities"
  CHECK ("quantity" > 0 AND "returnedQuantity" >= 0 AND "returnedQuantity" <= "quantity"
         AND "discountBasisPoints" BETWEEN 0 AND 10000 AND "publisherPriceCents" >= 0 AND "unitCostExclVatCents" >= 0);
ALTER TABLE "SupplierReturn" ADD CONSTRAINT "SupplierReturn_credit_nonnegative" CHECK ("expectedCreditCents" >= 0);
ALTER TABLE "SupplierReturnLine" ADD CONSTRAINT "SupplierReturnLine_quantities"
  CHECK ("quantity" > 0 AND "creditCents" >= 0);
ALTER TABLE "StockCountLine" ADD CONSTRAINT "StockCountLine_counted_nonnegative" CHECK ("countedQuantity" >= 0);
ALTER TABLE "StockMovement" ADD CONSTRAINT "StockMovement_quantity_not_zero" CHECK ("quantity" <> 0);

-- The stock screens read these few rows among a million books: books followed for restocking,
-- and books with copies on hand.
CREATE INDEX "StockLevel_followed_idx" ON "StockLevel" ("bookId") WHERE "reorderThreshold" > 0;
CREATE INDEX "StockLevel_on_hand_idx" ON "StockLevel" ("bookId") WHERE "onHand" > 0;
-- Customers' orders awaiting the distributor, oldest first (what a delivery serves).
CREATE INDEX "Order_paid_awaiting_idx" ON "Order" ("paidAt", "id") WHERE "status" = 'paid';
-- Office copies that may still go back to their distributor.
CREATE INDEX "DeliveryLine_returnable_idx" ON "DeliveryLine" ("deliveryId")
  WHERE "terms" = 'on_approval' AND "returnedQuantity" < "quantity";

-- The stock ledger is append-only, like the audit log: a correction is a new movement.
CREATE FUNCTION "stock_movement_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StockMovement is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "StockMovement_no_update_or_delete" BEFORE UPDATE OR DELETE ON "StockMovement"
  FOR EACH ROW EXECUTE FUNCTION "stock_movement_append_only"();
CREATE TRIGGER "StockMovement_no_truncate" BEFORE TRUNCATE ON "StockMovement"
  FOR EACH STATEMENT EXECUTE FUNCTION "stock_movement_append_only"();
