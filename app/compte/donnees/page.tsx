import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNav } from '@/components/account/account-nav';
import { requireReader } from '@/lib/auth/require-reader';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes données', robots: { index: false } };

async function AccountDataPage() {
  const reader = await requireReader();
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes données</h2>
      <p>
        Vous pouvez recevoir une copie de vos données (RGPD art. 15 et 20) : votre compte, vos adresses et le résumé de
        vos commandes, dans un fichier JSON lisible par une machine.
      </p>
      <p>
        <a href="/compte/donnees/telecharger" download>
          Télécharger mes données
        </a>
      </p>
      <h2>Supprimer mon compte</h2>
      <p>
        La suppression efface votre compte, vos adresses enregistrées et vos sessions (RGPD art. 17). Vos commandes
        restent enregistrées sans votre adresse e-mail ni votre téléphone ; la facture garde votre nom et votre adresse
        10 ans, comme la loi l’exige (Code de commerce, art. L123-22). Voir{' '}
        <Link href="/donnees-personnelles">vos données personnelles</Link>.
      </p>
      <p>
        <Link href="/compte/donnees/supprimer">Supprimer mon compte</Link>
      </p>
    </>
  );
}

export default whenDatabaseAnswers(AccountDataPage);
