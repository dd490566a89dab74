import type { Metadata } from 'next';
import { ActionForm } from '@/components/admin/action-form';
import { checkInvariantsAction } from '@/components/admin/invariants/actions';
import { CheckStatus, InvariantReport } from '@/components/admin/invariants/invariant-report';
import { requireStaff } from '@/lib/auth/require-staff';
import { getLatestInvariantCheck } from '@/lib/data/watch/invariants';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'État de la boutique' };

// What must always hold in the shop's data (lib/invariants/invariants.ts), as the last check found it.
export default async function ShopStatePage() {
  await requireStaff('libraire', { loginRedirect: '/admin/etat' });
  const check = await getLatestInvariantCheck();
  return (
    <>
      <h1>État de la boutique</h1>
      <p>
        La tâche de fond vérifie toutes les cinq minutes que les données de la boutique se tiennent : le stock et son
        registre, les réservations, les ventes et leurs sorties de stock, les factures et les avoirs, les courriels, le
        cache des pages. Une anomalie est signalée ici avec le livre ou la commande en cause ; rien n’est corrigé
        automatiquement : comprenez d’abord, puis corrigez par le bureau concerné (un inventaire, un avoir, un courriel
        renvoyé).
      </p>
      <CheckStatus check={check} now={new Date()} />
      <ActionForm action={checkInvariantsAction} submitLabel="Vérifier maintenant" />
      {check && <InvariantReport check={check} frontCache={getEnv().FRONT_CACHE_PURGE_URLS.length > 0} />}
    </>
  );
}
