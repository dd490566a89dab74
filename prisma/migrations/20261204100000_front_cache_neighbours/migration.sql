-- The book page's rows "Du même auteur", "Dans la même collection", "Sur le même thème"
-- (lib/data/related-books.ts) show the first books of the author, collection and theme, in stock
-- first, then the latest published. Each card there carries its book's tag, so a book shown that
-- changes purges the page; these triggers cover the book that is not shown yet and should be: one
-- added, or one whose theme, collection, listing, availability or publication date moves it into
-- the rows. The page carries "theme-<id>", "collection-<id>" and "auteur-<id>" tags
-- (components/product/related-book-rows.tsx); see front_cache_purge in
-- 20261203100000_front_cache_purges. A change of title or price moves nobody into a row: it
-- purges nothing more.

CREATE FUNCTION front_cache_neighbour_tags(book_ids INT[]) RETURNS TEXT[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    SELECT 'theme-' || b."themeId" FROM "Book" b WHERE b."id" = ANY(book_ids)
    UNION
    SELECT 'collection-' || b."collectionId" FROM "Book" b WHERE b."id" = ANY(book_ids) AND b."collectionId" IS NOT NULL
    UNION
    SELECT 'auteur-' || bc."contributorId" FROM "BookContributor" bc WHERE bc."bookId" = ANY(book_ids) AND bc."role" = 'A01'
  )
$$;

CREATE FUNCTION front_cache_book_neighbours_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(front_cache_neighbour_tags(ARRAY(
    SELECT n."id" FROM moved_new n JOIN moved_old o USING ("id")
     WHERE (n."themeId", n."collectionId", n."delistedAt", n."availability", n."publishedOn")
           IS DISTINCT FROM (o."themeId", o."collectionId", o."delistedAt", o."availability", o."publishedOn")
  )));
  RETURN NULL;
END $$;

CREATE FUNCTION front_cache_book_neighbours_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(front_cache_neighbour_tags(ARRAY(SELECT "id" FROM added)));
  RETURN NULL;
END $$;

CREATE TRIGGER "Book_front_cache_neighbours_update" AFTER UPDATE ON "Book"
REFERENCING OLD TABLE AS moved_old NEW TABLE AS moved_new
FOR EACH STATEMENT EXECUTE FUNCTION front_cache_book_neighbours_moved();
CREATE TRIGGER "Book_front_cache_neighbours_insert" AFTER INSERT ON "Book"
REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION front_cache_book_neighbours_added();

-- A book credited to an author (the import writes the book, then its people): the author's row.
CREATE FUNCTION front_cache_author_credits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM front_cache_purge(ARRAY(SELECT DISTINCT 'auteur-' || "contributorId" FROM credited WHERE "role" = 'A01'));
  RETURN NULL;
END $$;

CREATE TRIGGER "BookContributor_front_cache_authors_insert" AFTER INSERT ON "BookContributor"
REFERENCING NEW TABLE AS credited FOR EACH STATEMENT EXECUTE FUNCTION front_cache_author_credits_changed();
CREATE TRIGGER "BookContributor_front_cache_authors_update" AFTER UPDATE ON "BookContributor"
REFERENCING NEW TABLE AS credited FOR EACH STATEMENT EXECUTE FUNCTION front_cache_author_credits_changed();
