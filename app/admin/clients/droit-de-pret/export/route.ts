import { requireStaff } from '@/lib/auth/require-staff';
import { lendingRightDeclaration } from '@/lib/data/invoicing/lending-right';
import { lendingRightCsv } from '@/lib/invoicing/lending-right-csv';
import { parseDeclarationYear } from '@/lib/validation/lending-right';

/** The year's lending-right declaration as a spreadsheet (CPI L133-3). */
export async function GET(request: Request) {
  await requireStaff('libraire');
  const url = new URL(request.url);
  const year = parseDeclarationYear(Object.fromEntries(url.searchParams), new Date());
  return new Response(lendingRightCsv(await lendingRightDeclaration(year)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="droit-de-pret-${year}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
