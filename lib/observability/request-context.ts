import { AsyncLocalStorage } from 'node:async_hooks';

// What a log line says about the work it belongs to: the request's id (scripts/serve.ts), and in
// the worker the job's id and queue, with the id of the request that queued it
// (lib/data/platform/job-queue.ts carries it in the job's data). Node's AsyncLocalStorage
// follows the request through every await (https://nodejs.org/api/async_context.html).

export type RequestContext = { requestId?: string; jobId?: string; queue?: string };

// Next's server bundle and scripts/serve.ts (run by tsx) load separate copies of this module: a
// symbol registered on globalThis makes them share one store.
const STORAGE_KEY = Symbol.for('librairie.request-context');

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<RequestContext> };
  holder[STORAGE_KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[STORAGE_KEY];
}

export function runInContext<T>(context: RequestContext, work: () => T): T {
  return storage().run(context, work);
}

/** The context of the work running now, or undefined outside a request or a job. */
export function currentContext(): RequestContext | undefined {
  return storage().getStore();
}

export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId;
}
