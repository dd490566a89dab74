import { requireStaff } from '@/lib/auth/require-staff';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { getAdminOrder } from '@/lib/data/order-desk/order-reads';
import { problem } from '@/lib/http/problem';
import { renderInvoicePdf } from '@/lib/invoicing/invoice-pdf';
import { ORDER_REFERENCE } from '@/lib/validation/order-desk';

export const dynamic = 'force-dynamic';

/** An invoice or credit note of the order, as a PDF, for the staff (the customer's copy: /suivi/<token>/facture). */
export async function GET(request: Request, { params }: RouteContext<'/admin/commandes/[reference]/facture'>) {
  await requireStaff('libraire');
  const { reference } = await params;
  const number = new URL(request.url).searchParams.get('numero') ?? '';
  const order = ORDER_REFERENCE.test(reference) ? await getAdminOrder(reference) : null;
  const invoice = order ? (await invoicesOfOrder(order.id)).find((doc) => doc.number === number) : undefined;
  if (!invoice) return problem(404, 'NOT_FOUND', 'Document introuvable.');
  return new Response(Buffer.from(await renderInvoicePdf(invoice)), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
