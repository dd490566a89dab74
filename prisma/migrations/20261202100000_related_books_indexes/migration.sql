-- Related books on the book page (lib/data/related-books.ts): each row is read in index order and
-- cut at its size. The new indexes start with the columns of the ones they replace, which they serve too.
-- DropIndex
DROP INDEX "Book_collectionId_idx";

-- DropIndex
DROP INDEX "Book_themeId_idx";

-- DropIndex
DROP INDEX "BookContributor_contributorId_idx";

-- CreateIndex
CREATE INDEX "Book_collectionId_availability_publishedOn_id_idx" ON "Book"("collectionId", "availability", "publishedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Book_themeId_availability_publishedOn_id_idx" ON "Book"("themeId", "availability", "publishedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "BookContributor_contributorId_role_bookId_idx" ON "BookContributor"("contributorId", "role", "bookId" DESC);

