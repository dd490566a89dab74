import { getCurrentReader } from '@/lib/auth/require-reader';
import { getBuyerQuote } from '@/lib/data/buying/quotes';
import { isDatabaseBusy } from '@/lib/database/errors';
import { problem } from '@/lib/http/problem';
import { QuoteIdSchema, renderQuotePdf } from '@/lib/quotes/quote-document';

export const dynamic = 'force-dynamic';

/** A quote of one of the signed-in buyer's organisations, as a PDF. */
export async function GET(_request: Request, { params }: RouteContext<'/compte/devis/[id]/pdf'>) {
  const id = QuoteIdSchema.safeParse((await params).id);
  let quote;
  try {
    const reader = await getCurrentReader();
    if (!reader) return problem(401, 'UNAUTHENTICATED', 'Connectez-vous pour télécharger ce devis.');
    quote = id.success ? await getBuyerQuote(reader.email, id.data) : null;
  } catch (error) {
    if (isDatabaseBusy(error)) return problem(503, 'BUSY', 'Service momentanément indisponible : réessayez.', 30);
    throw error;
  }
  if (!quote) return problem(404, 'NOT_FOUND', 'Devis introuvable.');
  return new Response(Buffer.from(await renderQuotePdf(quote)), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${quote.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
