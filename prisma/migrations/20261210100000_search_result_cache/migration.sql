-- Search results kept briefly in the database (docs/decisions/033-search-at-a-million-titles.md):
-- a query's ranked ids and facets, read again by every app instance for SEARCH_CACHE_TTL, and
-- dropped as soon as a write to the books, publishers, themes or search words commits.
-- UNLOGGED: a cache needs no WAL, so storing a result does not wait for a disk flush at commit;
-- PostgreSQL empties the table after a crash, which a cache survives.
-- https://www.postgresql.org/docs/current/sql-createtable.html#SQL-CREATETABLE-UNLOGGED
-- CreateTable
CREATE UNLOGGED TABLE "SearchResultCache" (
    "key" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "snapshotXmin" BIGINT NOT NULL,
    "storedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchResultCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SearchCachePurge" (
    "xid" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchCachePurge_pkey" PRIMARY KEY ("xid")
);

-- CreateIndex
CREATE INDEX "SearchResultCache_storedAt_idx" ON "SearchResultCache"("storedAt");

-- CreateIndex
CREATE INDEX "SearchCachePurge_at_idx" ON "SearchCachePurge"("at");

-- A writing transaction records its own id, once (its row only: writers never wait on each
-- other). A stored result is stale when a transaction that its snapshot did not see whole, one
-- with an id at or above the snapshot's xmin, has since committed a write: the reader then sees
-- that transaction's row (lib/data/storefront/search-cache.ts). Rows of transactions still
-- running stay invisible, as their writes do. No row of the cache is ever locked by a writer.
-- https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-PG-SNAPSHOT
CREATE FUNCTION search_cache_purge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed) THEN RETURN NULL; END IF;
  INSERT INTO "SearchCachePurge" ("xid", "at") VALUES (pg_current_xact_id()::text::bigint, clock_timestamp())
  ON CONFLICT ("xid") DO UPDATE SET "at" = EXCLUDED."at";
  RETURN NULL;
END $$;

CREATE TRIGGER "Book_search_cache_insert" AFTER INSERT ON "Book"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "Book_search_cache_update" AFTER UPDATE ON "Book"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "Book_search_cache_delete" AFTER DELETE ON "Book"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
-- Facets show publishers' and themes' names; corrections pick from the search words.
CREATE TRIGGER "Publisher_search_cache_update" AFTER UPDATE ON "Publisher"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "Publisher_search_cache_delete" AFTER DELETE ON "Publisher"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "Theme_search_cache_update" AFTER UPDATE ON "Theme"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "Theme_search_cache_delete" AFTER DELETE ON "Theme"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "SearchWord_search_cache_insert" AFTER INSERT ON "SearchWord"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "SearchWord_search_cache_update" AFTER UPDATE ON "SearchWord"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
CREATE TRIGGER "SearchWord_search_cache_delete" AFTER DELETE ON "SearchWord"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_cache_purge();
