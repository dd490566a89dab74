-- The front cache's purges (docs/decisions/014-front-cache.md). Pages served by the front cache
-- (Varnish, scripts/front-cache/) carry tags (lib/front-cache/response-tags.ts); the triggers
-- below write the tags a change makes stale, in the transaction of the change, so no write path
-- can forget one. lib/data/front-cache.ts sends them to the caches after the commit.
-- CreateTable
CREATE TABLE "FrontCachePurge" (
    "tag" VARCHAR(64) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FrontCachePurge_pkey" PRIMARY KEY ("tag","dueAt")
);

-- CreateIndex
CREATE INDEX "FrontCachePurge_dueAt_idx" ON "FrontCachePurge"("dueAt");


-- Two rows per tag: one due at once, one due 5 s after the change. A page rendered from the rows
-- as they were before the commit and stored in the cache after the first purge is removed by
-- the second: the app lets the cache keep only renders that took under 2 s (scripts/serve.ts),
-- which leaves 3 s for the rest of the writing transaction. Triggers are per statement, over
-- the statement's transition tables, so a COPY or an UPDATE of a thousand rows writes each tag
-- once. NOTIFY wakes the worker (scripts/worker.ts), which flushes what no write path flushed.
-- https://www.postgresql.org/docs/current/sql-createtrigger.html (transition tables)
CREATE FUNCTION front_cache_purge(tags TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  later TIMESTAMPTZ := clock_timestamp() + interval '5 seconds';
BEGIN
  IF cardinality(tags) = 0 THEN RETURN; END IF;
  INSERT INTO "FrontCachePurge" ("tag", "dueAt")
  SELECT DISTINCT t, d FROM unnest(tags) AS t, (VALUES (now()), (later)) AS due(d)
  ON CONFLICT DO NOTHING;
  -- For the writer: this transaction has purges to flush once committed (lib/data/transactions.ts).
  PERFORM set_config('librairie.front_cache_purges', 'due', true);
  PERFORM pg_notify('front_cache_purge', '');
END $$;

-- Stock on hand is what the availability line shows ("En stock", "Expédié sous…"); held copies
-- are not shown, so a hold or its release purges nothing.
CREATE FUNCTION front_cache_stock_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY(
    SELECT 'livre-' || b."ean" FROM "Book" b
    WHERE b."id" IN (
      SELECT n."bookId" FROM changed_new n JOIN changed_old o USING ("bookId") WHERE n."onHand" <> o."onHand"
    )
  ));
  RETURN NULL;
END $$;

CREATE FUNCTION front_cache_stock_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY(
    SELECT 'livre-' || b."ean" FROM "Book" b WHERE b."id" IN (SELECT "bookId" FROM changed)
  ));
  RETURN NULL;
END $$;

CREATE TRIGGER "StockLevel_front_cache_update" AFTER UPDATE ON "StockLevel"
REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_stock_changed();
CREATE TRIGGER "StockLevel_front_cache_insert" AFTER INSERT ON "StockLevel"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_stock_added();
CREATE TRIGGER "StockLevel_front_cache_delete" AFTER DELETE ON "StockLevel"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_stock_added();

-- Any column of a book may be on its page, and its card is on listings (which filter and sort
-- on price, availability, dates and delisting): "listes" goes with it.
CREATE FUNCTION front_cache_books_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed) THEN RETURN NULL; END IF;
  PERFORM front_cache_purge(ARRAY(SELECT DISTINCT 'livre-' || "ean" FROM changed) || ARRAY['listes']);
  RETURN NULL;
END $$;

CREATE TRIGGER "Book_front_cache_update" AFTER UPDATE ON "Book"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_books_changed();
CREATE TRIGGER "Book_front_cache_insert" AFTER INSERT ON "Book"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_books_changed();
CREATE TRIGGER "Book_front_cache_delete" AFTER DELETE ON "Book"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_books_changed();

-- The book's contributors, in their order.
CREATE FUNCTION front_cache_book_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY(
    SELECT 'livre-' || b."ean" FROM "Book" b WHERE b."id" IN (SELECT "bookId" FROM changed)
  ));
  RETURN NULL;
END $$;

CREATE TRIGGER "BookContributor_front_cache_update" AFTER UPDATE ON "BookContributor"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_book_links_changed();
CREATE TRIGGER "BookContributor_front_cache_insert" AFTER INSERT ON "BookContributor"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_book_links_changed();
CREATE TRIGGER "BookContributor_front_cache_delete" AFTER DELETE ON "BookContributor"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_book_links_changed();

-- Rows many pages show (a supplier's lead time is in the availability of all its books; names
-- of people, publishers, collections and themes on cards, pages and menus): rare changes, and
-- every cached page goes ("pages" is on every one). Inserts show nowhere until a book links them.
CREATE FUNCTION front_cache_shared_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY['pages']);
  RETURN NULL;
END $$;

CREATE TRIGGER "Supplier_front_cache" AFTER UPDATE ON "Supplier"
FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Supplier_front_cache_delete" AFTER DELETE ON "Supplier"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Contributor_front_cache" AFTER UPDATE ON "Contributor"
FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Contributor_front_cache_delete" AFTER DELETE ON "Contributor"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Publisher_front_cache" AFTER UPDATE ON "Publisher"
FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Publisher_front_cache_delete" AFTER DELETE ON "Publisher"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Collection_front_cache" AFTER UPDATE ON "Collection"
FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Collection_front_cache_delete" AFTER DELETE ON "Collection"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_shared_rows_changed();
CREATE TRIGGER "Theme_front_cache" AFTER INSERT OR UPDATE OR DELETE ON "Theme"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_shared_rows_changed();

-- The shop's name and tagline are in every page's header and footer, the cut-off hour in the
-- delivery estimate of book pages.
CREATE FUNCTION front_cache_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY['reglages']);
  RETURN NULL;
END $$;

CREATE TRIGGER "ShopSettings_front_cache" AFTER INSERT OR UPDATE OR DELETE ON "ShopSettings"
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_settings_changed();
