import type { Metadata } from 'next';
import { ChorusProPeriodForm } from '@/components/admin/e-invoices/chorus-pro-period-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import { listChorusProInvoices } from '@/lib/data/invoicing/chorus-pro-export';
import { invoiceTitle } from '@/lib/invoicing/invoice-text';
import { ChorusProExportQuerySchema } from '@/lib/validation/chorus-pro-export';
import { firstValues } from '@/lib/validation/search-params';
import { fieldErrors } from '@/lib/validation/zod-errors';

export const metadata: Metadata = { title: 'Factures Chorus Pro' };

// The invoices and credit notes to public buyers over a period, and their Factur-X files in one zip
// to deposit in Chorus Pro (Code de la commande publique L2192-1 ff.; docs/decisions/031-e-invoices.md).
export default async function ChorusProInvoicesPage({ searchParams }: PageProps<'/admin/factures/chorus-pro'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/factures/chorus-pro' });
  const query = firstValues(await searchParams);
  const asked = query.du !== undefined || query.au !== undefined;
  const parsed = asked ? ChorusProExportQuerySchema.safeParse(query) : null;
  const period = parsed?.success ? parsed.data : null;
  const invoices = period ? await listChorusProInvoices(period) : [];
  const errors = parsed && !parsed.success ? fieldErrors(parsed.error) : {};
  return (
    <>
      <h1>Factures Chorus Pro</h1>
      <p>
        Les factures et avoirs des acheteurs publics se déposent dans Chorus Pro (Code de la commande publique, art.
        L2192-1 et suivants). Chaque fichier Factur-X porte le SIRET de l’acheteur, son code service et le numéro
        d’engagement de la commande.
      </p>
      <ChorusProPeriodForm from={query.du ?? ''} to={query.au ?? ''} errors={errors} />
      {period && (
        <section aria-labelledby="factures-periode">
          <h2 id="factures-periode">
            Du {formatDateShort(new Date(`${period.from}T12:00:00Z`))} au{' '}
            {formatDateShort(new Date(`${period.to}T12:00:00Z`))} : {invoices.length} document(s)
          </h2>
          {invoices.length > 0 && (
            <>
              <ul>
                {invoices.map((invoice) => (
                  <li key={invoice.number}>
                    {invoiceTitle(invoice)} — {invoice.buyer.name}
                    {invoice.buyer.siret && `, SIRET ${invoice.buyer.siret}`} — {formatPrice(invoice.totalCents)}
                  </li>
                ))}
              </ul>
              <p>
                <a href={`/admin/factures/chorus-pro/export?du=${period.from}&au=${period.to}`} download>
                  Télécharger les {invoices.length} fichiers Factur-X (zip)
                </a>
              </p>
            </>
          )}
        </section>
      )}
    </>
  );
}
