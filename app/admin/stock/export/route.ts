import { requireStaff } from '@/lib/auth/require-staff';
import { listStockForExport } from '@/lib/data/stock-desk/stock-levels';
import { toCsv } from '@/lib/stock/csv-export';
import { parseStockQuery } from '@/lib/validation/stock-levels';

/** The stock list as a spreadsheet, with the page's filters. */
export async function GET(request: Request) {
  await requireStaff('libraire');
  const url = new URL(request.url);
  const query = parseStockQuery(Object.fromEntries(url.searchParams));
  const rows = await listStockForExport(query);
  const csv = toCsv(
    [
      'EAN',
      'Titre',
      'Distributeur',
      'Thème',
      'En stock',
      'Réservés',
      'Disponibles',
      'Seuil de réassort',
      'Dernier mouvement',
      'Lecteurs en attente',
    ],
    rows.map((row) => [
      row.ean,
      row.title,
      row.supplierName,
      row.themeName,
      row.onHand,
      row.held,
      row.available,
      row.reorderThreshold,
      row.lastMovementAt?.toISOString() ?? '',
      row.waitingReaders,
    ]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="stock-${new Date().toISOString().slice(0, 10)}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
