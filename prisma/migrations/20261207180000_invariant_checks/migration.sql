-- The invariant check's runs (lib/data/watch/invariants.ts, /admin/etat).
CREATE TABLE "InvariantCheck" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "counts" JSONB NOT NULL,
    "violationCount" INTEGER NOT NULL,
    "violations" JSONB NOT NULL,
    "staffId" INTEGER,

    CONSTRAINT "InvariantCheck_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "InvariantCheck_finishedAt_idx" ON "InvariantCheck"("finishedAt");

ALTER TABLE "InvariantCheck" ADD CONSTRAINT "InvariantCheck_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The check reads the ledger of one order at a time (a paid order's SALE and ORDER_ALLOCATION
-- movements), as the order desk does when it refunds (lib/data/order-desk/refunds.ts).
CREATE INDEX "StockMovement_orderId_idx" ON "StockMovement"("orderId");
