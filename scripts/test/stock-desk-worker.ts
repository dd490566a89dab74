// One "app instance" for the stock desk's concurrency tests: a separate Node process with its own
// connection pool that runs its commands all at once and prints what each one was told.
// Run with --conditions=react-server (as Next.js runs lib/data).
import { getDb } from '../../lib/db';
import { receiveDelivery, type DeliveryInput } from '../../lib/data/stock-desk/receiving';
import { createPurchaseOrder } from '../../lib/data/stock-desk/purchase-orders';
import { recordCountedCopies, validateInventory } from '../../lib/data/stock-desk/inventory';
import { recordSupplierReturn, type ReturnInput } from '../../lib/data/stock-desk/supplier-returns';
import { adjustStock } from '../../lib/data/stock-desk/stock-levels';
import type { ManualAdjustmentReason } from '../../lib/stock/movement-reasons';
import type { Actor } from '../../lib/data/staff/staff';

export type StockDeskCommand =
  | { kind: 'receive'; actor: Actor; items: DeliveryInput[] }
  | {
      kind: 'purchase-order';
      actor: Actor;
      items: { supplierId: number; lines: { bookId: number; quantity: number }[] }[];
    }
  | {
      kind: 'count';
      actor: Actor;
      items: { inventoryId: number; ean: string; quantity: number; mode: 'add' | 'set' }[];
    }
  | { kind: 'validate-count'; actor: Actor; items: { inventoryId: number }[] }
  | { kind: 'return'; actor: Actor; items: ReturnInput[] }
  | {
      kind: 'adjust';
      actor: Actor;
      items: { ean: string; reason: ManualAdjustmentReason; quantity: number; note: string | null }[];
    };

export type StockDeskOutcome = { ok: true } | { ok: false; code: string; message: string };

const command = JSON.parse(process.argv[2] ?? '{}') as StockDeskCommand;
const outcome = (result: { ok: boolean; code?: string; message?: string }): StockDeskOutcome =>
  result.ok ? { ok: true } : { ok: false, code: result.code ?? '', message: result.message ?? '' };

async function run(): Promise<StockDeskOutcome[]> {
  switch (command.kind) {
    case 'receive':
      return Promise.all(command.items.map(async (item) => outcome(await receiveDelivery(command.actor, item))));
    case 'purchase-order':
      return Promise.all(command.items.map(async (item) => outcome(await createPurchaseOrder(command.actor, item))));
    case 'count':
      return Promise.all(command.items.map(async (item) => outcome(await recordCountedCopies(command.actor, item))));
    case 'validate-count':
      return Promise.all(command.items.map(async (item) => outcome(await validateInventory(command.actor, item))));
    case 'return':
      return Promise.all(command.items.map(async (item) => outcome(await recordSupplierReturn(command.actor, item))));
    case 'adjust':
      return Promise.all(command.items.map(async (item) => outcome(await adjustStock(command.actor, item))));
  }
}

const started = performance.now();
const results = await run();
const elapsedMs = performance.now() - started;
await getDb().$disconnect();
process.stdout.write(JSON.stringify({ results, elapsedMs }));
