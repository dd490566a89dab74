import { requireStaff } from '@/lib/auth/require-staff';
import { invoiceFile, invoiceFileResponse, parseInvoiceFileFormat } from '@/lib/data/invoicing/e-invoice-files';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { getAdminOrder } from '@/lib/data/order-desk/order-reads';
import { problem } from '@/lib/http/problem';
import { ORDER_REFERENCE } from '@/lib/validation/order-desk';

export const dynamic = 'force-dynamic';

/**
 * An invoice or credit note of the order, for the staff: as a PDF, as Factur-X (`format=factur-x`)
 * or as UBL (`format=ubl`). The customer's copy: /suivi/<token>/facture.
 */
export async function GET(request: Request, { params }: RouteContext<'/admin/commandes/[reference]/facture'>) {
  await requireStaff('libraire');
  const { reference } = await params;
  const query = new URL(request.url).searchParams;
  const number = query.get('numero') ?? '';
  const format = parseInvoiceFileFormat(query.get('format'));
  if (!format) return problem(400, 'BAD_FORMAT', 'Format inconnu : pdf, factur-x ou ubl.');
  const order = ORDER_REFERENCE.test(reference) ? await getAdminOrder(reference) : null;
  const invoice = order ? (await invoicesOfOrder(order.id)).find((doc) => doc.number === number) : undefined;
  if (!invoice) return problem(404, 'NOT_FOUND', 'Document introuvable.');
  const file = await invoiceFile(invoice, format);
  if (!file)
    return problem(404, 'NO_UBL', 'Pas de version UBL pour une facture à un particulier : prenez le Factur-X.');
  return invoiceFileResponse(file);
}
