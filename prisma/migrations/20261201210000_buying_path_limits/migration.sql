-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "checkoutFingerprint" VARCHAR(64),
ADD COLUMN     "clientKey" VARCHAR(64),
ADD COLUMN     "stripeSessionUrl" TEXT;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- CreateIndex
CREATE INDEX "Cart_updatedAt_idx" ON "Cart"("updatedAt");

-- CreateIndex
CREATE INDEX "Order_clientKey_status_idx" ON "Order"("clientKey", "status");

