import type { Metadata } from 'next';
import { ErasureForm } from '@/components/admin/privacy/erasure-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { exportPersonalData, holdsErasableData } from '@/lib/data/privacy/subject-requests';
import { firstValues } from '@/lib/validation/search-params';
import { SubjectEmailSchema } from '@/lib/validation/personal-data';

export const metadata: Metadata = { title: 'Données personnelles' };

// A person's request about their data (RGPD art. 15, 17, 20; answered within a month, art. 12.3):
// what the shop holds for one address, its export as JSON, its erasure. Admins only.
export default async function PersonalDataPage({ searchParams }: PageProps<'/admin/donnees-personnelles'>) {
  await requireStaff('admin', { loginRedirect: '/admin/donnees-personnelles' });
  const typed = firstValues(await searchParams).email ?? '';
  const parsed = typed ? SubjectEmailSchema.safeParse(typed) : null;
  const found = parsed?.success ? await exportPersonalData(parsed.data) : null;
  return (
    <>
      <h1>Données personnelles</h1>
      <p>
        Une personne demande ses données ou leur effacement (RGPD art. 15, 17 et 20) : cherchez son adresse e-mail,
        exportez ce que la librairie détient, ou effacez ce que la loi permet. Répondez dans le mois (art. 12.3).
      </p>
      <form method="get" className="filters" role="search" aria-label="Chercher une adresse e-mail">
        <label htmlFor="email">Adresse e-mail</label>
        <input
          id="email"
          name="email"
          type="email"
          defaultValue={typed.slice(0, 254)}
          required
          aria-describedby={parsed && !parsed.success ? 'email-erreur' : undefined}
        />
        <button type="submit">Chercher</button>
        {parsed && !parsed.success && (
          <p id="email-erreur" className="form-error">
            {parsed.error.issues[0]?.message}
          </p>
        )}
      </form>
      {found && (
        <section aria-labelledby="resultat">
          <h2 id="resultat">{found.email}</h2>
          <p>
            {found.orders.length} commande(s), {found.bookRequests.length} demande(s) de livre,{' '}
            {found.availabilityAlerts.length} alerte(s) de disponibilité,{' '}
            {found.readerAccount ? 'un compte lecteur' : 'aucun compte lecteur'}, acheteur pour{' '}
            {found.organisations.filter((organisation) => organisation.buyerSince).length} organisation(s),{' '}
            {found.quotes.length} devis, {found.orders.reduce((sum, order) => sum + order.emailMessages.length, 0)}{' '}
            courriel(s).
          </p>
          {found.organisations
            .filter((organisation) => organisation.receivesInvoices)
            .map((organisation) => (
              <p key={organisation.siret}>
                Adresse de facturation de {organisation.name} (SIRET {organisation.siret}) : l’effacement ne la retire
                pas, l’organisation en a besoin pour ses factures ; remplacez-la sur sa fiche.
              </p>
            ))}
          <p>
            <a href={`/admin/donnees-personnelles/export?email=${encodeURIComponent(found.email)}`} download>
              Exporter ses données (JSON)
            </a>
          </p>
          {holdsErasableData(found) && <ErasureForm email={found.email} />}
        </section>
      )}
    </>
  );
}
