import type { Failure } from '@/lib/core/result';
import { logger } from '@/lib/observability/logger';

// An expected failure of a back-office route handler (an upload) as an HTTP answer: its status
// (BUSY is 503 with Retry-After), and `{ error: { code, message, issues? } }` with the French
// message and, for a file, each rejected line.
export function failureResponse(failure: Failure, statusByCode: Record<string, number>): Response {
  const status = failure.code === 'BUSY' ? 503 : (statusByCode[failure.code] ?? 422);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (failure.retryAfterSeconds !== undefined) headers['Retry-After'] = String(failure.retryAfterSeconds);
  return Response.json(
    { error: { code: failure.code, message: failure.message, ...(failure.issues && { issues: failure.issues }) } },
    { status, headers },
  );
}

/** A multipart body the route cannot read (not a form, a broken boundary): a 400, never a 500. */
export async function readFormData(request: Request): Promise<FormData | null> {
  try {
    return await request.formData();
  } catch (error) {
    logger.warn({ err: error }, 'unreadable upload');
    return null;
  }
}
