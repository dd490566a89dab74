-- Related books on the book page (lib/data/related-books.ts): "Dans la même collection" and
-- "Sur le même thème" read these partial indexes over listed books in the rows' order (in stock
-- first, then the latest published) and stop at the row's size, however big the collection or
-- theme. Partial, like the listings' indexes of 20261202100000_onix_supplies_search: Prisma's
-- schema cannot declare them and `migrate diff` leaves them alone.
CREATE INDEX "Book_listed_collection_availability_idx" ON "Book" ("collectionId", "availability", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_theme_availability_idx" ON "Book" ("themeId", "availability", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;

-- "Du même auteur": a contributor's books, latest added first. Starts with the column of the index
-- it replaces, which it serves too.
DROP INDEX "BookContributor_contributorId_idx";
CREATE INDEX "BookContributor_contributorId_role_bookId_idx" ON "BookContributor"("contributorId", "role", "bookId" DESC);
