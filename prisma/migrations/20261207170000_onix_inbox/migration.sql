-- The watched ONIX inbox (lib/data/catalog/onix-inbox.ts): a file is known by its SHA-256, so the
-- same file dropped twice is imported once.
ALTER TABLE "OnixImport" ADD COLUMN "fileSha256" CHAR(64);
CREATE INDEX "OnixImport_fileSha256_idx" ON "OnixImport"("fileSha256");
