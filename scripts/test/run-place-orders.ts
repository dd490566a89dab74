import { runWorkers } from './run-workers';

export type PlaceOrderOutcome = { ok: true; reference: string } | { ok: false; code: string; message: string };

/** Places orders for these carts from N separate processes (N app instances), all at once. */
export function placeOrdersFromProcesses(databaseUrl: string, cartIdsPerProcess: string[][]) {
  return runWorkers<string[], PlaceOrderOutcome>('place-orders-worker.ts', databaseUrl, cartIdsPerProcess);
}
