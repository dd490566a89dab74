import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { isDatabaseBusy } from '@/lib/database/errors';
import { problem } from '@/lib/http/problem';
import { renderInvoicePdf } from '@/lib/invoicing/invoice-pdf';

export const dynamic = 'force-dynamic';

/** One invoice or credit note of the order the tracking link opens, as a PDF. */
export async function GET(request: Request, { params }: RouteContext<'/suivi/[token]/facture/pdf'>) {
  const { token } = await params;
  const number = new URL(request.url).searchParams.get('numero') ?? '';
  let invoice;
  try {
    const orderId = /^[FA]\d{4}-\d{6}$/.test(number) ? await findOrderIdByTrackingToken(token, new Date()) : null;
    invoice = orderId === null ? undefined : (await invoicesOfOrder(orderId)).find((doc) => doc.number === number);
  } catch (error) {
    if (isDatabaseBusy(error)) return problem(503, 'BUSY', 'Service momentanément indisponible : réessayez.', 30);
    throw error;
  }
  if (!invoice) return problem(404, 'NOT_FOUND', 'Document introuvable.');
  const pdf = await renderInvoicePdf(invoice);
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
