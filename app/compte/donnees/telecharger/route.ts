import { getCurrentReader } from '@/lib/auth/require-reader';
import { exportReaderData } from '@/lib/data/readers/reader-data';
import { problem } from '@/lib/http/problem';

/**
 * "Télécharger mes données" (RGPD art. 15: access; art. 20: portability, machine-readable): the
 * signed-in reader's own account, addresses and orders, as a JSON attachment never stored by a cache.
 */
export async function GET() {
  const reader = await getCurrentReader();
  if (!reader) return problem(401, 'NOT_SIGNED_IN', 'Connectez-vous à votre compte pour télécharger vos données.');
  const data = await exportReaderData(reader.id);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
