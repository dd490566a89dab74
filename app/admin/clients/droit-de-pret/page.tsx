import type { Metadata } from 'next';
import Link from 'next/link';
import { DeclarationYearForm, LendingRightTable } from '@/components/admin/customer-organisations/lending-right-table';
import { requireStaff } from '@/lib/auth/require-staff';
import { formatPrice } from '@/lib/core/money';
import { lendingRightDeclaration } from '@/lib/data/invoicing/lending-right';
import { firstValues } from '@/lib/validation/search-params';
import { parseDeclarationYear } from '@/lib/validation/lending-right';

export const metadata: Metadata = { title: 'Droit de prêt en bibliothèque' };

export default async function LendingRightPage({ searchParams }: PageProps<'/admin/clients/droit-de-pret'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/clients/droit-de-pret' });
  const year = parseDeclarationYear(firstValues(await searchParams), new Date());
  const declaration = await lendingRightDeclaration(year);
  return (
    <>
      <h1>Droit de prêt en bibliothèque</h1>
      <p>
        Les ventes de livres aux bibliothèques accueillant du public pour le prêt se déclarent chaque année à la SOFIA,
        facture par facture ; la librairie lui verse 6 % du prix public hors taxes des livres (Code de la propriété
        intellectuelle, art. L133-3). Sont comptées les factures et les avoirs des clients enregistrés comme «
        Bibliothèque accueillant du public ».
      </p>
      <DeclarationYearForm year={year} />
      <p>
        {declaration.rows.length === 0
          ? `Aucune vente à une bibliothèque de prêt facturée en ${year}.`
          : `Droit de prêt dû pour ${year} : ${formatPrice(declaration.totals.dueCents)}.`}
      </p>
      {declaration.rows.length > 0 && (
        <>
          <LendingRightTable declaration={declaration} />
          <p>
            <Link href={`/admin/clients/droit-de-pret/export?annee=${year}`} prefetch={false}>
              Télécharger la déclaration {year} (tableur)
            </Link>
          </p>
        </>
      )}
    </>
  );
}
