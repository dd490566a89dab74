import { requireStaff } from '@/lib/auth/require-staff';
import { chorusProZip } from '@/lib/data/invoicing/chorus-pro-export';
import { problem } from '@/lib/http/problem';
import { ChorusProExportQuerySchema } from '@/lib/validation/chorus-pro-export';
import { firstErrorMessage } from '@/lib/validation/zod-errors';

export const dynamic = 'force-dynamic';

/** The Factur-X files of the public buyers' invoices of a period, in one zip (/admin/factures/chorus-pro). */
export async function GET(request: Request) {
  await requireStaff('libraire');
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ChorusProExportQuerySchema.safeParse(query);
  if (!parsed.success) return problem(400, 'BAD_PERIOD', firstErrorMessage(parsed.error, 'Période invalide.'));
  const made = await chorusProZip(parsed.data);
  if (!made.ok) return problem(422, made.code, made.message);
  return new Response(Buffer.from(made.zip), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="chorus-pro-${parsed.data.from}-${parsed.data.to}.zip"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
