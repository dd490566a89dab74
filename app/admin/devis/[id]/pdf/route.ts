import { requireStaff } from '@/lib/auth/require-staff';
import { getQuote } from '@/lib/data/buying/quotes';
import { problem } from '@/lib/http/problem';
import { QuoteIdSchema, renderQuotePdf } from '@/lib/quotes/quote-document';

export const dynamic = 'force-dynamic';

/** A quote as a PDF, for the staff (the buyer's copy: /compte/devis/<id>/pdf). */
export async function GET(_request: Request, { params }: RouteContext<'/admin/devis/[id]/pdf'>) {
  await requireStaff('libraire');
  const id = QuoteIdSchema.safeParse((await params).id);
  const quote = id.success ? await getQuote(id.data) : null;
  if (!quote) return problem(404, 'NOT_FOUND', 'Devis introuvable.');
  return new Response(Buffer.from(await renderQuotePdf(quote)), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${quote.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
