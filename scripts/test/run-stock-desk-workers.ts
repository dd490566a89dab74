import type { StockDeskCommand, StockDeskOutcome } from './stock-desk-worker';
import { runWorkers } from './run-workers';

/** Stock-desk commands, each from its own app instance, all at once. */
export function runStockDeskWorkers(databaseUrl: string, commands: StockDeskCommand[]) {
  return runWorkers<StockDeskCommand, StockDeskOutcome>('stock-desk-worker.ts', databaseUrl, commands);
}
