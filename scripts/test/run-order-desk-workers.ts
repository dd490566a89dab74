import type { WorkerCommand, WorkerOutcome } from './order-desk-worker';
import { runWorkers } from './run-workers';

/** Order-desk commands, each from its own app instance, all at once. */
export function runOrderDeskWorkers(databaseUrl: string, commands: WorkerCommand[]) {
  return runWorkers<WorkerCommand, WorkerOutcome>('order-desk-worker.ts', databaseUrl, commands);
}
