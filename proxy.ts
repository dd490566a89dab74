import { NextResponse, type NextRequest } from 'next/server';
import { guardActionRequest } from '@/lib/http/action-request-guard';

// Runs before every page request: refuses forged or oversized Server Action posts with a 403 or
// 413 and a French message, where Next.js would answer 500 (lib/http/action-request-guard.ts).
// It decides nothing about who may do what: requireStaff does, in each action.
export function proxy(request: NextRequest) {
  const refusal = guardActionRequest(request.method, request.headers);
  if (!refusal) return NextResponse.next();
  return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
}

export const config = {
  // Pages only: not the static files, not the API routes (the Stripe webhook posts JSON there).
  matcher: ['/((?!_next/static|_next/image|api/|favicon.ico).*)'],
};
