import { UNCOLLECTED_AFTER_DAYS } from '@/lib/orders/pickup';
import { STAGE_LABELS } from '@/lib/orders/workflow';
import {
  DELIVERY_URL_VALUES,
  PAYMENT_STATES,
  STAGE_URL_VALUES,
  type AdminOrdersQuery,
} from '@/lib/validation/order-desk-query';
import { Field } from '@/components/ui/field';

const DELIVERY_LABELS: Record<keyof typeof DELIVERY_URL_VALUES, string> = {
  domicile: 'Livraison à domicile',
  retrait: 'Retrait en librairie',
};

/** A plain GET form: every filter is in the URL, so a list can be bookmarked or shared. */
export function OrdersFilters({ query }: { query: AdminOrdersQuery }) {
  return (
    <form
      className="admin-filters"
      method="get"
      action="/admin/commandes"
      role="search"
      aria-label="Chercher des commandes"
    >
      <Field
        label="Numéro de commande, e-mail, nom ou EAN"
        layout="field-wide"
        name="q"
        type="search"
        defaultValue={query.q ?? ''}
        maxLength={100}
        autoComplete="off"
      />
      <Field control="select" label="Étape" name="etape" defaultValue={query.etape ?? ''}>
        <option value="">Toutes</option>
        {Object.entries(STAGE_URL_VALUES).map(([slug, stage]) => (
          <option key={slug} value={slug}>
            {STAGE_LABELS[stage]}
          </option>
        ))}
      </Field>
      <Field control="select" label="Paiement" name="paiement" defaultValue={query.paiement ?? ''}>
        <option value="">Tous</option>
        {Object.entries(PAYMENT_STATES).map(([slug, label]) => (
          <option key={slug} value={slug}>
            {label}
          </option>
        ))}
      </Field>
      <Field control="select" label="Mode de livraison" name="livraison" defaultValue={query.livraison ?? ''}>
        <option value="">Tous</option>
        {Object.entries(DELIVERY_LABELS).map(([slug, label]) => (
          <option key={slug} value={slug}>
            {label}
          </option>
        ))}
      </Field>
      <Field control="select" label="Origine" name="origine" defaultValue={query.origine ?? ''}>
        <option value="">Toutes</option>
        <option value="internet">Site internet</option>
        <option value="comptoir">Commandes clients au comptoir</option>
      </Field>
      <Field label="Du" name="du" type="date" defaultValue={query.du ?? ''} />
      <Field label="Au" name="au" type="date" defaultValue={query.au ?? ''} />
      <Field control="select" label="Tri" name="tri" defaultValue={query.tri}>
        <option value="recentes">Plus récentes d’abord</option>
        <option value="anciennes">Plus anciennes d’abord</option>
      </Field>
      <div className="field field-check">
        <input id="attention" name="attention" type="checkbox" value="1" defaultChecked={query.attention === '1'} />
        <label htmlFor="attention">À traiter seulement</label>
      </div>
      <div className="field field-check">
        <input
          id="non-retirees"
          name="non-retirees"
          type="checkbox"
          value="1"
          defaultChecked={query['non-retirees'] === '1'}
        />
        <label htmlFor="non-retirees">Non retirées depuis {UNCOLLECTED_AFTER_DAYS} jours</label>
      </div>
      <div className="field field-check">
        <input
          id="retractation"
          name="retractation"
          type="checkbox"
          value="1"
          defaultChecked={query.retractation === '1'}
        />
        <label htmlFor="retractation">Rétractation à traiter</label>
      </div>
      <button type="submit">Filtrer</button>
    </form>
  );
}
