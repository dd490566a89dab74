-- ONIX import, search and listings at a million titles (issue 13).
-- Decision record: docs/decisions/010-supplies-search-and-listings-at-scale.md

-- Accent folding for full-text search (shipped with PostgreSQL's contrib, like pg_trgm).
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- French full-text search that ignores accents: "Coopération" and "cooperation" give the same
-- lexeme. Words are unaccented, then stemmed by the French Snowball stemmer.
CREATE TEXT SEARCH CONFIGURATION "librairie_fr" (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION "librairie_fr"
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- CreateEnum
CREATE TYPE "OnixImportStatus" AS ENUM ('running', 'finished', 'failed');

-- AlterTable
ALTER TABLE "Book" ADD COLUMN "imprint" TEXT,
ADD COLUMN "delistedAt" TIMESTAMP(3);

-- The search document, computed by PostgreSQL from the columns every writer of books already
-- fills (title, subtitle, searchText, description): no writer can forget it, COPY fills it.
-- Prisma sees the expression as a default: schema.prisma repeats it, as PostgreSQL prints it.
ALTER TABLE "Book" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('librairie_fr'::regconfig, coalesce("title", '') || ' ' || coalesce("subtitle", '')), 'A')
  || setweight(to_tsvector('librairie_fr'::regconfig, "searchText"), 'B')
  || setweight(to_tsvector('librairie_fr'::regconfig, coalesce("description", '')), 'D')
) STORED;

-- CreateTable
CREATE TABLE "BookSupply" (
    "bookId" INTEGER NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "availabilityCode" VARCHAR(2) NOT NULL,
    "expectedOn" DATE,
    "recordHash" VARCHAR(64),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BookSupply_pkey" PRIMARY KEY ("bookId","supplierId")
);

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,
    "bookCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateTable
CREATE TABLE "OnixImport" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "sender" TEXT,
    "status" "OnixImportStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "products" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,

    CONSTRAINT "OnixImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnixImportRejection" (
    "id" SERIAL NOT NULL,
    "importId" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "recordReference" TEXT,
    "ean" TEXT,
    "reason" TEXT NOT NULL,

    CONSTRAINT "OnixImportRejection_pkey" PRIMARY KEY ("id")
);

-- Indexes that served the old listings and the LIKE search: replaced by the partial ones below.
DROP INDEX "Book_publishedOn_idx";
DROP INDEX "Book_featured_idx";
DROP INDEX "Book_availability_idx";
DROP INDEX "Book_sortTitle_idx";
DROP INDEX "Book_searchText_idx";

-- CreateIndex
CREATE INDEX "Book_supplierId_idx" ON "Book"("supplierId");

-- CreateIndex (a GLN names one distributor: two feeds of the same one find the same row)
CREATE UNIQUE INDEX "Supplier_gln_key" ON "Supplier"("gln");

-- CreateIndex
CREATE INDEX "BookSupply_supplierId_idx" ON "BookSupply"("supplierId");

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OnixImportRejection_importId_idx" ON "OnixImportRejection"("importId");

-- Listings and search: partial indexes over listed books, each in the order a page reads it, so
-- that a page reads 24 index entries instead of sorting every matching row. Prisma's schema
-- cannot declare partial indexes; `migrate diff` leaves them alone.
CREATE INDEX "Book_listed_search_idx" ON "Book" USING GIN ("searchVector") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_newest_idx" ON "Book" ("publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_title_idx" ON "Book" ("sortTitle", "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_price_idx" ON "Book" ("publisherPriceCents", "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_theme_newest_idx" ON "Book" ("themeId", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_publisher_newest_idx" ON "Book" ("publisherId", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_collection_newest_idx" ON "Book" ("collectionId", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_availability_newest_idx" ON "Book" ("availability", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
-- The home page's lists. Equality columns lead rather than sit in the WHERE: Prisma compares
-- `CAST($1 AS "AvailabilityState")`, which the planner cannot match with a partial index predicate.
CREATE INDEX "Book_listed_featured_idx" ON "Book" ("featured", "publishedOn" DESC NULLS LAST, "id") WHERE "delistedAt" IS NULL;
CREATE INDEX "Book_listed_forthcoming_idx" ON "Book" ("availability", "expectedOn", "id") WHERE "delistedAt" IS NULL;

-- AddForeignKey
ALTER TABLE "BookSupply" ADD CONSTRAINT "BookSupply_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BookSupply" ADD CONSTRAINT "BookSupply_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnixImportRejection" ADD CONSTRAINT "OnixImportRejection_importId_fkey" FOREIGN KEY ("importId") REFERENCES "OnixImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing books: their one supplier becomes their one supply. A supplier without a code reads
-- as 99 ("contact supplier"), which gives the same state, unavailable (docs/decisions/004).
INSERT INTO "BookSupply" ("bookId", "supplierId", "availabilityCode", "expectedOn", "updatedAt")
SELECT "id", "supplierId", COALESCE("supplierAvailabilityCode", '99'), "expectedOn", CURRENT_TIMESTAMP
FROM "Book" WHERE "supplierId" IS NOT NULL;

-- Existing books: the words of their titles and names, for typo correction. Same folding as
-- lib/search/normalize.ts for the letters a French catalog uses (accents, œ, æ).
INSERT INTO "SearchWord" ("word", "bookCount")
SELECT word, count(DISTINCT book_id)::int
FROM (
  SELECT b."id" AS book_id,
         regexp_split_to_table(
           lower(unaccent(concat_ws(' ', b."title", b."subtitle", names.names))),
           '[^[:alnum:]]+'
         ) AS word
  FROM "Book" b
  LEFT JOIN LATERAL (
    SELECT string_agg(c."name", ' ') AS names
    FROM "BookContributor" bc JOIN "Contributor" c ON c."id" = bc."contributorId"
    WHERE bc."bookId" = b."id"
  ) names ON true
  WHERE b."delistedAt" IS NULL
) words
WHERE length(word) >= 3 AND word !~ '^[0-9]+$'
GROUP BY word;
