import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { recordQuoteAcceptanceAction } from '@/components/admin/quotes/actions';
import { QuoteDocument, QuoteStanding } from '@/components/quotes/quote-document';
import { Field } from '@/components/ui/field';
import { requireStaff } from '@/lib/auth/require-staff';
import { previewQuoteAcceptance } from '@/lib/data/buying/quote-acceptance';
import { getQuote } from '@/lib/data/buying/quotes';
import { QuoteIdSchema } from '@/lib/quotes/quote-document';

export const metadata: Metadata = { title: 'Devis' };

export default async function QuotePage({ params }: PageProps<'/admin/devis/[id]'>) {
  const { id: raw } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/devis/${encodeURIComponent(raw)}` });
  const id = QuoteIdSchema.safeParse(raw);
  const quote = id.success ? await getQuote(id.data) : null;
  if (!quote) notFound();
  const preview = quote.acceptance ? null : await previewQuoteAcceptance(quote.id, new Date());
  return (
    <>
      <h1>
        Devis {quote.number} — {quote.organisation.name}
      </h1>
      <p>Demandé par {quote.requestedByEmail}.</p>
      <QuoteDocument quote={quote} pdfUrl={`/admin/devis/${quote.id}/pdf`} />
      <QuoteStanding
        quote={quote}
        preview={preview}
        orderHref={quote.acceptance ? `/admin/commandes/${quote.acceptance.orderReference}` : null}
      />
      {preview && !preview.refusal && (
        <ActionForm
          action={recordQuoteAcceptanceAction}
          submitLabel="Enregistrer l’acceptation"
          label={`Acceptation du devis ${quote.number}`}
        >
          <input type="hidden" name="quoteId" value={quote.id} />
          <Field name="fullName" label="Nom et prénom de l’acheteur" required autoComplete="off" />
          <Field name="phone" label="Téléphone (facultatif)" type="tel" autoComplete="off" />
          <Field name="purchaseOrderNumber" label="Numéro de bon de commande (facultatif)" />
          <Field
            name="engagementNumber"
            label={
              quote.organisation.engagementNumberRequired
                ? 'Numéro d’engagement (Chorus Pro)'
                : 'Numéro d’engagement (facultatif)'
            }
            required={quote.organisation.engagementNumberRequired}
          />
        </ActionForm>
      )}
    </>
  );
}
