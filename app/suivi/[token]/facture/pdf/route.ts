import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { invoiceFile, invoiceFileResponse, parseInvoiceFileFormat } from '@/lib/data/invoicing/e-invoice-files';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { isDatabaseBusy } from '@/lib/database/errors';
import { problem } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/** One invoice or credit note of the order the tracking link opens: PDF, Factur-X (`format=factur-x`) or UBL. */
export async function GET(request: Request, { params }: RouteContext<'/suivi/[token]/facture/pdf'>) {
  const { token } = await params;
  const query = new URL(request.url).searchParams;
  const number = query.get('numero') ?? '';
  const format = parseInvoiceFileFormat(query.get('format'));
  if (!format) return problem(400, 'BAD_FORMAT', 'Format inconnu : pdf, factur-x ou ubl.');
  let invoice;
  try {
    const orderId = /^[FA]\d{4}-\d{6}$/.test(number) ? await findOrderIdByTrackingToken(token, new Date()) : null;
    invoice = orderId === null ? undefined : (await invoicesOfOrder(orderId)).find((doc) => doc.number === number);
  } catch (error) {
    if (isDatabaseBusy(error)) return problem(503, 'BUSY', 'Service momentanément indisponible : réessayez.', 30);
    throw error;
  }
  if (!invoice) return problem(404, 'NOT_FOUND', 'Document introuvable.');
  const file = await invoiceFile(invoice, format);
  if (!file)
    return problem(404, 'NO_UBL', 'Pas de version UBL pour une facture à un particulier : prenez le Factur-X.');
  return invoiceFileResponse(file);
}
