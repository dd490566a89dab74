// Each job of the worker runs inside its context (lib/observability/request-context.ts): its log
// lines carry the job's id and queue, and the id of the request that queued it when there was one
// (`requestId` in the job's data, lib/data/platform/job-queue.ts), so a payment's webhook and the
// confirmation e-mail it caused share an id in the logs. The jobs running are known, so a stop
// can say which ones it cut short.
import { runInContext, type RequestContext } from '../../lib/observability/request-context';
import { isWellFormedRequestId } from '../../lib/observability/request-id';

type JobLike = { id: string; data?: unknown };

const running = new Map<string, { queue: string; jobId: string }>();

export function jobContext(queue: string, job: JobLike): RequestContext {
  const requestId = (job.data as { requestId?: unknown } | null | undefined)?.requestId;
  return {
    queue,
    jobId: job.id,
    ...(typeof requestId === 'string' && isWellFormedRequestId(requestId) && { requestId }),
  };
}

/** Runs the job's work inside its context, known as running until it settles. */
export async function runJob<T>(queue: string, job: JobLike, work: () => Promise<T>): Promise<T> {
  running.set(job.id, { queue, jobId: job.id });
  try {
    return await runInContext(jobContext(queue, job), work);
  } finally {
    running.delete(job.id);
  }
}

export function jobsRunning(): { queue: string; jobId: string }[] {
  return [...running.values()];
}
