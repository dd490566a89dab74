import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountNav } from '@/components/account/account-nav';
import { QuoteAcceptanceForm } from '@/components/quotes/quote-acceptance-form';
import { QuoteDocument, QuoteStanding } from '@/components/quotes/quote-document';
import { requireReader } from '@/lib/auth/require-reader';
import { previewQuoteAcceptance } from '@/lib/data/buying/quote-acceptance';
import { getBuyerQuote } from '@/lib/data/buying/quotes';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { QuoteIdSchema } from '@/lib/quotes/quote-document';

export const metadata: Metadata = { title: 'Devis', robots: { index: false } };

async function QuotePage({ params, searchParams }: PageProps<'/compte/devis/[id]'>) {
  const reader = await requireReader();
  const id = QuoteIdSchema.safeParse((await params).id);
  const quote = id.success ? await getBuyerQuote(reader.email, id.data) : null;
  if (!quote) notFound();
  const query = await searchParams;
  const preview = quote.acceptance ? null : await previewQuoteAcceptance(quote.id, new Date());
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      {query.nouveau !== undefined && (
        <p className="notice" role="status">
          Devis {quote.number} établi pour {quote.organisation.name}.
        </p>
      )}
      {query.acceptee !== undefined && quote.acceptance && (
        <p className="notice" role="status">
          Devis {quote.number} accepté : commande {quote.acceptance.orderReference} enregistrée sur compte.
        </p>
      )}
      <QuoteDocument quote={quote} pdfUrl={`/compte/devis/${quote.id}/pdf`} />
      <QuoteStanding quote={quote} preview={preview} orderHref="/compte/commandes" />
      {preview && !preview.refusal && (
        <QuoteAcceptanceForm
          quoteId={quote.id}
          number={quote.number}
          engagementNumberRequired={quote.organisation.engagementNumberRequired}
        />
      )}
    </>
  );
}

export default whenDatabaseAnswers(QuotePage);
