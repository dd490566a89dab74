// Next.js calls `register` once when a server starts, before it serves any request
// (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation). The settings are
// checked here, so a bad one stops the server at start with a message naming the variable,
// rather than failing the first request that reads it.
export async function register(): Promise<void> {
  // This form lets the Edge build drop the branch (process.exit is Node-only), as Next's docs show.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { exitOnInvalidEnv } = await import('./lib/env');
    exitOnInvalidEnv();
  }
}
