-- A signed-in reader's availability alerts belong to their account: listed at /compte/alertes,
-- gone with it (docs/decisions/022-availability-alerts.md).
CREATE INDEX "AvailabilityAlert_readerId_idx" ON "AvailabilityAlert"("readerId");

-- AddForeignKey
ALTER TABLE "AvailabilityAlert" ADD CONSTRAINT "AvailabilityAlert_readerId_fkey" FOREIGN KEY ("readerId") REFERENCES "Reader"("id") ON DELETE CASCADE ON UPDATE CASCADE;
