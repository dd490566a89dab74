-- Readers' passkeys (WebAuthn): docs/decisions/026-reader-passkeys.md.
-- CreateEnum
CREATE TYPE "PasskeyCeremony" AS ENUM ('registration', 'authentication');

-- CreateTable
CREATE TABLE "ReaderPasskey" (
    "id" SERIAL NOT NULL,
    "readerId" INTEGER NOT NULL,
    "credentialId" VARCHAR(1400) NOT NULL,
    "publicKey" BYTEA NOT NULL,
    "counter" BIGINT NOT NULL DEFAULT 0,
    "transports" TEXT[],
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "label" VARCHAR(80) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "ReaderPasskey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReaderPasskey_counter_check" CHECK ("counter" >= 0)
);

-- CreateTable
CREATE TABLE "PasskeyChallenge" (
    "id" SERIAL NOT NULL,
    "challenge" VARCHAR(64) NOT NULL,
    "ceremony" "PasskeyCeremony" NOT NULL,
    "readerId" INTEGER,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasskeyChallenge_pkey" PRIMARY KEY ("id"),
    -- Adding a passkey belongs to a signed-in reader; signing in to nobody yet.
    CONSTRAINT "PasskeyChallenge_reader_check" CHECK (("ceremony" = 'registration') = ("readerId" IS NOT NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderPasskey_credentialId_key" ON "ReaderPasskey"("credentialId");
CREATE INDEX "ReaderPasskey_readerId_idx" ON "ReaderPasskey"("readerId");
CREATE UNIQUE INDEX "PasskeyChallenge_challenge_key" ON "PasskeyChallenge"("challenge");
CREATE INDEX "PasskeyChallenge_expiresAt_idx" ON "PasskeyChallenge"("expiresAt");

-- AddForeignKey
ALTER TABLE "ReaderPasskey" ADD CONSTRAINT "ReaderPasskey_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PasskeyChallenge" ADD CONSTRAINT "PasskeyChallenge_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;
