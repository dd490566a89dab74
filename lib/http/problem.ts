// The error body of the shop's route handlers: a real status code, a machine-readable code
// and a French message (`{ error: { code, message } }`), Retry-After when waiting helps.
export function problem(status: number, code: string, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return Response.json({ error: { code, message } }, { status, headers });
}
