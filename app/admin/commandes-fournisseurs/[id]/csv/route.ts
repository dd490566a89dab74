import { requireStaff } from '@/lib/auth/require-staff';
import { getPurchaseOrder } from '@/lib/data/stock-desk/purchase-orders';
import { toCsv } from '@/lib/stock/csv-export';
import { purchaseOrderNumber } from '@/lib/stock/purchase-order-number';

/**
 * The purchase order as the distributor reads it: its GLN and the shop's order number, then one
 * line per book (EAN, title, quantity), the layout distributors' order-entry portals import.
 */
export async function GET(_request: Request, { params }: RouteContext<'/admin/commandes-fournisseurs/[id]/csv'>) {
  await requireStaff('libraire');
  const { id } = await params;
  const order = /^\d{1,9}$/.test(id) ? await getPurchaseOrder(Number(id)) : null;
  if (!order)
    return Response.json(
      { error: { code: 'NOT_FOUND', message: 'Commande fournisseur introuvable.' } },
      { status: 404 },
    );
  const csv = toCsv(
    ['GLN distributeur', 'Commande', 'EAN', 'Titre', 'Quantité'],
    order.lines.map((line) => [
      order.supplier.gln ?? '',
      purchaseOrderNumber(order.id),
      line.book.ean,
      line.book.title,
      line.quantity,
    ]),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="commande-${order.id}-${order.supplier.gln ?? 'distributeur'}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
