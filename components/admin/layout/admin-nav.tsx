import Link from 'next/link';
import { STAFF_ROLE_LABELS } from '@/lib/staff/roles';
import type { StaffUser } from '@/lib/auth/require-staff';
import { ActionForm } from '../action-form';
import { logoutAction } from '../session/actions';

/** The back office's menu. Shows what the role may open; every page checks again itself. */
export function AdminNav({ staff }: { staff: StaffUser }) {
  return (
    <nav className="admin-nav" aria-label="Arrière-boutique">
      <ul>
        <li>
          <Link href="/admin">Tableau de bord</Link>
        </li>
        <li>
          <Link href="/admin/commandes">Commandes</Link>
        </li>
        <li>
          <Link href="/admin/commandes-clients/nouvelle">Commande client</Link>
        </li>
        <li>
          <Link href="/admin/demandes">Demandes des lecteurs</Link>
        </li>
        <li>
          <Link href="/admin/clients">Clients professionnels</Link>
        </li>
        <li>
          <Link href="/admin/devis">Devis</Link>
        </li>
        <li>
          <Link href="/admin/factures-sur-compte">Factures sur compte</Link>
        </li>
        <li>
          <Link href="/admin/factures/chorus-pro">Factures Chorus Pro</Link>
        </li>
        <li>
          <Link href="/admin/stock">Stock</Link>
        </li>
        <li>
          <Link href="/admin/receptions">Réceptions</Link>
        </li>
        <li>
          <Link href="/admin/commandes-fournisseurs">Commandes fournisseurs</Link>
        </li>
        <li>
          <Link href="/admin/retours">Retours</Link>
        </li>
        <li>
          <Link href="/admin/inventaire">Inventaire</Link>
        </li>
        <li>
          <Link href="/admin/catalogue">Catalogue</Link>
        </li>
        <li>
          <Link href="/admin/emails">Courriels</Link>
        </li>
        <li>
          <Link href="/admin/etat">État de la boutique</Link>
        </li>
        {staff.role === 'admin' && (
          <>
            <li>
              <Link href="/admin/journal">Journal</Link>
            </li>
            <li>
              <Link href="/admin/equipe">Équipe</Link>
            </li>
            <li>
              <Link href="/admin/reglages">Réglages</Link>
            </li>
            <li>
              <Link href="/admin/donnees-personnelles">Données personnelles</Link>
            </li>
          </>
        )}
        <li>
          <Link href="/admin/mon-compte">Mon compte</Link>
        </li>
      </ul>
      <p className="admin-user">
        {staff.name} <span className="muted">({STAFF_ROLE_LABELS[staff.role]})</span>
      </p>
      <ActionForm
        action={logoutAction}
        submitLabel="Se déconnecter"
        className="logout-form"
        buttonClassName="button-secondary"
      />
    </nav>
  );
}
