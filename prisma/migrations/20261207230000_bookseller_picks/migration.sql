-- The booksellers' picks ("coups de cœur"): docs/decisions/024-bookseller-picks.md.
-- CreateTable
CREATE TABLE "BookPick" (
    "id" SERIAL NOT NULL,
    "bookId" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "booksellerName" VARCHAR(40) NOT NULL,
    "staffId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BookPick_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "BookPick_note_length" CHECK (char_length("note") BETWEEN 1 AND 1200),
    CONSTRAINT "BookPick_booksellerName_length" CHECK (char_length("booksellerName") BETWEEN 1 AND 40)
);

-- CreateIndex
CREATE UNIQUE INDEX "BookPick_bookId_key" ON "BookPick"("bookId");
CREATE INDEX "BookPick_createdAt_id_idx" ON "BookPick"("createdAt" DESC, "id");
CREATE INDEX "BookPick_staffId_idx" ON "BookPick"("staffId");

-- AddForeignKey
ALTER TABLE "BookPick" ADD CONSTRAINT "BookPick_bookId_fkey" FOREIGN KEY ("bookId") REFERENCES "Book"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "BookPick" ADD CONSTRAINT "BookPick_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The front cache (migration 20261203100000_front_cache_purges): a pick is on its book's page,
-- and on the home page and /coups-de-coeur, which are listings ("listes").
CREATE FUNCTION front_cache_picks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM changed) THEN RETURN NULL; END IF;
  PERFORM front_cache_purge(ARRAY(
    SELECT DISTINCT 'livre-' || b."ean" FROM "Book" b WHERE b."id" IN (SELECT "bookId" FROM changed)
  ) || ARRAY['listes']);
  RETURN NULL;
END $$;

CREATE TRIGGER "BookPick_front_cache_insert" AFTER INSERT ON "BookPick"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_picks_changed();
CREATE TRIGGER "BookPick_front_cache_update" AFTER UPDATE ON "BookPick"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_picks_changed();
CREATE TRIGGER "BookPick_front_cache_delete" AFTER DELETE ON "BookPick"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION front_cache_picks_changed();
