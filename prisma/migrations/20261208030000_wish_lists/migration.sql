-- Readers' lists ("Ma liste"), shared read-only by a link.
-- AlterTable
ALTER TABLE "Reader" ADD COLUMN "wishListShareToken" VARCHAR(32);

-- CreateTable
CREATE TABLE "WishListItem" (
    "readerId" INTEGER NOT NULL,
    "bookId" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WishListItem_pkey" PRIMARY KEY ("readerId","bookId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Reader_wishListShareToken_key" ON "Reader"("wishListShareToken");
CREATE INDEX "WishListItem_bookId_idx" ON "WishListItem"("bookId");

-- AddForeignKey
ALTER TABLE "WishListItem" ADD CONSTRAINT "WishListItem_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "WishListItem" ADD CONSTRAINT "WishListItem_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;
