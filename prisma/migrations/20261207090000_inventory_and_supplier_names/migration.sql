-- One name per feature (docs/glossary.md): an inventaire is an `Inventory` (the tables, their
-- keys, indexes and sequences renamed with them, so the database reads like the code), and the
-- date a distributor announces for an order line is the supplier's, as the `Supplier` model.
-- Renames only: no row is rewritten.

ALTER TYPE "StockCountStatus" RENAME TO "InventoryStatus";
ALTER TYPE "StockCountScope" RENAME TO "InventoryScope";

ALTER TABLE "StockCount" RENAME TO "Inventory";
ALTER TABLE "Inventory" RENAME CONSTRAINT "StockCount_pkey" TO "Inventory_pkey";
ALTER TABLE "Inventory" RENAME CONSTRAINT "StockCount_startedById_fkey" TO "Inventory_startedById_fkey";
ALTER TABLE "Inventory" RENAME CONSTRAINT "StockCount_closedById_fkey" TO "Inventory_closedById_fkey";
ALTER INDEX "StockCount_status_idx" RENAME TO "Inventory_status_idx";
ALTER SEQUENCE "StockCount_id_seq" RENAME TO "Inventory_id_seq";

ALTER TABLE "StockCountLine" RENAME TO "InventoryLine";
ALTER TABLE "InventoryLine" RENAME COLUMN "stockCountId" TO "inventoryId";
ALTER TABLE "InventoryLine" RENAME CONSTRAINT "StockCountLine_pkey" TO "InventoryLine_pkey";
ALTER TABLE "InventoryLine" RENAME CONSTRAINT "StockCountLine_stockCountId_fkey" TO "InventoryLine_inventoryId_fkey";
ALTER TABLE "InventoryLine" RENAME CONSTRAINT "StockCountLine_bookId_fkey" TO "InventoryLine_bookId_fkey";
ALTER TABLE "InventoryLine" RENAME CONSTRAINT "StockCountLine_counted_nonnegative" TO "InventoryLine_counted_nonnegative";
ALTER INDEX "StockCountLine_bookId_idx" RENAME TO "InventoryLine_bookId_idx";

ALTER TABLE "StockCountUpload" RENAME TO "InventoryUpload";
ALTER TABLE "InventoryUpload" RENAME COLUMN "stockCountId" TO "inventoryId";
ALTER TABLE "InventoryUpload" RENAME CONSTRAINT "StockCountUpload_pkey" TO "InventoryUpload_pkey";
ALTER TABLE "InventoryUpload" RENAME CONSTRAINT "StockCountUpload_stockCountId_fkey" TO "InventoryUpload_inventoryId_fkey";
ALTER TABLE "InventoryUpload" RENAME CONSTRAINT "StockCountUpload_uploadedById_fkey" TO "InventoryUpload_uploadedById_fkey";
ALTER INDEX "StockCountUpload_stockCountId_fileHash_key" RENAME TO "InventoryUpload_inventoryId_fileHash_key";
ALTER SEQUENCE "StockCountUpload_id_seq" RENAME TO "InventoryUpload_id_seq";

ALTER TABLE "StockMovement" RENAME COLUMN "stockCountId" TO "inventoryId";
ALTER TABLE "StockMovement" RENAME CONSTRAINT "StockMovement_stockCountId_fkey" TO "StockMovement_inventoryId_fkey";
ALTER INDEX "StockMovement_stockCountId_idx" RENAME TO "StockMovement_inventoryId_idx";

ALTER TABLE "OrderLine" RENAME COLUMN "distributorExpectedOn" TO "supplierExpectedOn";
