import { requireStaff } from '@/lib/auth/require-staff';
import { buildOrdersInterchange, ordersInterchangeReference, readyForOrdersExport } from '@/lib/edi/eancom-orders';
import { getPurchaseOrder } from '@/lib/data/stock-desk/purchase-orders';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { problem } from '@/lib/http/problem';
import { purchaseOrderNumber } from '@/lib/stock/purchase-order-number';

/**
 * A purchase list sent to its distributor, as the EANCOM ORDERS its EDI system (or the trade's
 * hub) takes in: lib/edi/eancom-orders.ts. Only once marked sent: the file is the order, and a
 * draft still changes. The same list gives the same interchange reference each time.
 */
export async function GET(_request: Request, { params }: RouteContext<'/admin/commandes-fournisseurs/[id]/edifact'>) {
  await requireStaff('libraire');
  const { id } = await params;
  const order = /^\d{1,9}$/.test(id) ? await getPurchaseOrder(Number(id)) : null;
  if (!order) return problem(404, 'NOT_FOUND', 'Commande fournisseur introuvable.');
  const shop = await getShopSettings();
  const ready = readyForOrdersExport({
    status: order.status,
    sentOn: order.sentOn,
    supplierName: order.supplier.name,
    supplierGln: order.supplier.gln,
    shopGln: shop.gln,
  });
  if (!ready.ok) return problem(409, ready.code, ready.message);
  const text = buildOrdersInterchange({
    shopGln: ready.shopGln,
    supplierGln: ready.supplierGln,
    orderNumber: purchaseOrderNumber(order.id),
    orderDate: ready.sentOn.toISOString().slice(0, 10),
    interchangeReference: ordersInterchangeReference(order.id),
    preparedAt: new Date(),
    // The shop orders firm: office copies come unasked (lib/edi/eancom-mapping.ts).
    lines: order.lines.map((line) => ({ ean: line.book.ean, quantity: line.quantity, terms: 'firm' as const })),
  });
  return new Response(text, {
    headers: {
      // ISO 8859-1 is UNOC's character set; every character the file holds is ASCII.
      'Content-Type': 'application/EDIFACT',
      'Content-Disposition': `attachment; filename="commande-${order.id}-${ready.supplierGln}.edi"`,
      'Cache-Control': 'no-store',
    },
  });
}
