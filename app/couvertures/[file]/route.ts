import { readCover } from '@/lib/media/cover-store';

// Covers uploaded in the back office. Each file name carries a hash of its content, so a file
// never changes: browsers and any cache in front keep it for a year without asking again.
export async function GET(_request: Request, { params }: RouteContext<'/couvertures/[file]'>) {
  const cover = await readCover((await params).file);
  if (!cover)
    return new Response('Couverture introuvable.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  return new Response(new Uint8Array(cover.bytes), {
    headers: {
      'Content-Type': cover.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}
