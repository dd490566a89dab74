import type { Metadata } from 'next';
import Link from 'next/link';
import { DashboardCharts } from '@/components/admin/dashboard/dashboard-charts';
import { requireStaff } from '@/lib/auth/require-staff';
import { countOpenBookRequests } from '@/lib/data/stock-desk/book-requests';
import { getDashboard } from '@/lib/data/stock-desk/dashboard';
import { getLatestInvariantCheck } from '@/lib/data/watch/invariants';
import { formatPrice } from '@/lib/core/money';
import { UNCOLLECTED_AFTER_DAYS } from '@/lib/orders/pickup';

export const metadata: Metadata = { title: 'Tableau de bord' };

const shortDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

export default async function DashboardPage() {
  await requireStaff('libraire', { loginRedirect: '/admin' });
  const [dashboard, openRequests, check] = await Promise.all([
    getDashboard(),
    countOpenBookRequests(),
    getLatestInvariantCheck(),
  ]);
  const anomalies = check?.violationCount ?? 0;
  const soldCopies = dashboard.share.fromShelf + dashboard.share.fromSupplier;
  const shelfPercent = soldCopies === 0 ? 0 : Math.round((dashboard.share.fromShelf * 100) / soldCopies);
  return (
    <>
      <h1>Tableau de bord</h1>
      <ul className="kpis">
        <li>
          <Link href="/admin/commandes?etape=a-preparer">
            <strong>{dashboard.toPrepare}</strong> commande{dashboard.toPrepare > 1 ? 's' : ''} à préparer
          </Link>
        </li>
        <li>
          <Link href="/admin/commandes?etape=pret-retrait">
            <strong>{dashboard.readyForPickup}</strong> prête{dashboard.readyForPickup > 1 ? 's' : ''} au retrait
          </Link>
          {dashboard.uncollected > 0 && (
            <>
              {' '}
              (
              <Link href="/admin/commandes?non-retirees=1">
                {dashboard.uncollected} non retirée{dashboard.uncollected > 1 ? 's' : ''} depuis{' '}
                {UNCOLLECTED_AFTER_DAYS} jours
              </Link>
              )
            </>
          )}
        </li>
        <li>
          <Link href="/admin/commandes?origine=comptoir">
            <strong>{dashboard.specialOrders.awaiting + dashboard.specialOrders.ready}</strong> commande
            {dashboard.specialOrders.awaiting + dashboard.specialOrders.ready > 1 ? 's' : ''} client
            {dashboard.specialOrders.awaiting + dashboard.specialOrders.ready > 1 ? 's' : ''} en cours
          </Link>{' '}
          <span className="muted">
            ({dashboard.specialOrders.awaiting} chez le distributeur, {dashboard.specialOrders.ready} à retirer)
          </span>
        </li>
        <li>
          <Link href="/admin/demandes">
            <strong>{openRequests}</strong> demande{openRequests > 1 ? 's' : ''} de lecteur
            {openRequests > 1 ? 's' : ''} à traiter
          </Link>
        </li>
        <li>
          <Link href="/admin/commandes?etape=attente-distributeur">
            <strong>{dashboard.awaitingSupplier}</strong> en attente du distributeur
          </Link>
        </li>
        <li>
          <Link href="/admin/stock?etat=sous-seuil">
            <strong>{dashboard.belowThreshold}</strong> livre{dashboard.belowThreshold > 1 ? 's' : ''} sous le seuil de
            réassort
          </Link>
        </li>
        <li>
          <Link href="/admin/etat">
            <strong>{anomalies}</strong> anomalie{anomalies > 1 ? 's' : ''} dans les données
          </Link>
        </li>
        <li>
          <strong>{formatPrice(dashboard.salesTodayCents)}</strong> de ventes aujourd’hui
        </li>
        <li>
          <strong>{formatPrice(dashboard.salesMonthCents)}</strong> de ventes ce mois-ci
        </li>
      </ul>
      <p className="field-hint">
        Ventes : livres TTC des commandes payées ce jour-là (heure de Paris), moins les livres remboursés ce jour-là.
      </p>
      <section aria-labelledby="graphiques">
        <h2 id="graphiques">Graphiques</h2>
        <DashboardCharts
          data={{ salesByDay: dashboard.salesByDay, stockValue: dashboard.stockValue, share: dashboard.share }}
        />
        <details>
          <summary>Les chiffres des graphiques</summary>
          <table className="admin-table">
            <caption>Ventes par jour, sur {dashboard.chartDays} jours</caption>
            <thead>
              <tr>
                <th scope="col">Jour</th>
                <th scope="col">Ventes</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.salesByDay.map((point) => (
                <tr key={point.day}>
                  <th scope="row">{shortDay(point.day)}</th>
                  <td>{formatPrice(point.cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="admin-table">
            <caption>Valeur du stock par thème (au prix d’achat HT)</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col">Exemplaires</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.stockValue.map((row) => (
                <tr key={row.theme}>
                  <th scope="row">{row.theme}</th>
                  <td>{row.copies}</td>
                  <td>{formatPrice(row.valueCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Sur 30 jours, {soldCopies} exemplaire{soldCopies > 1 ? 's' : ''} vendu{soldCopies > 1 ? 's' : ''} :{' '}
            {dashboard.share.fromShelf} du rayon ({shelfPercent} %), {dashboard.share.fromSupplier} commandé
            {dashboard.share.fromSupplier > 1 ? 's' : ''} au distributeur ({soldCopies === 0 ? 0 : 100 - shelfPercent}{' '}
            %).
          </p>
        </details>
      </section>
    </>
  );
}
