'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { useAnnounce } from '../feedback';
import { Field } from '@/components/ui/field';
import { saveShopSettingsAction } from './actions';
import type { SettingsState } from './settings-state';

type Props = { values: Record<string, string>; version: number };

const IDENTITY: [name: string, label: string, extra?: Record<string, string>][] = [
  ['name', 'Nom de la librairie'],
  ['tagline', 'Présentation courte (sous le nom)'],
  ['legalName', 'Raison sociale et forme juridique'],
  ['addressLine1', 'Adresse', { autoComplete: 'address-line1' }],
  ['addressLine2', 'Complément d’adresse (facultatif)', { autoComplete: 'address-line2' }],
  ['postalCode', 'Code postal', { inputMode: 'numeric', autoComplete: 'postal-code' }],
  ['city', 'Ville', { autoComplete: 'address-level2' }],
  ['email', 'Adresse e-mail de contact', { type: 'email', autoComplete: 'email' }],
  ['phone', 'Téléphone', { type: 'tel', autoComplete: 'tel' }],
  ['siret', 'SIRET (14 chiffres)', { inputMode: 'numeric' }],
  ['vatNumber', 'Numéro de TVA intracommunautaire'],
  ['mediatorName', 'Médiateur de la consommation'],
  ['mediatorUrl', 'Site du médiateur (https://…)', { type: 'url' }],
  [
    'gln',
    'GLN de la librairie (13 chiffres, pour les commandes EDI aux distributeurs ; facultatif)',
    { inputMode: 'numeric' },
  ],
  ['iban', 'IBAN du compte pour les virements des clients sur compte (factures)'],
  ['bic', 'BIC de ce compte'],
];

/** What the mentions légales must give (LCEN art. 1-1; C. com. R123-237). */
const PUBLISHER: [name: string, label: string, extra?: Record<string, string>][] = [
  ['legalForm', 'Forme juridique (SAS, SARL, EI…)'],
  ['shareCapital', 'Capital social (€, vide pour une entreprise individuelle)', { inputMode: 'decimal' }],
  ['rcsCity', 'Ville du greffe du RCS (vide si non immatriculée au RCS)'],
  ['publicationDirector', 'Directeur ou directrice de la publication'],
  ['hostName', 'Hébergeur du site (nom ou raison sociale)'],
  ['hostAddress', 'Adresse de l’hébergeur'],
  ['hostPhone', 'Téléphone de l’hébergeur', { type: 'tel' }],
];

const DELIVERY: [name: string, label: string, extra?: Record<string, string>][] = [
  ['orderCutoffHour', 'Heure limite de commande du jour (0 à 23)', { inputMode: 'numeric' }],
  ['homeDeliveryLabel', 'Nom de la livraison à domicile'],
  ['homeFeeBelowThreshold', 'Frais de livraison par commande sous le seuil (€)', { inputMode: 'decimal' }],
  ['homeThreshold', 'Seuil (€ de livres)', { inputMode: 'decimal' }],
  ['homeFeeFromThreshold', 'Frais de livraison par commande à partir du seuil (€)', { inputMode: 'decimal' }],
  ['pickupLabel', 'Nom du retrait en librairie (gratuit)'],
];

export function SettingsForm({ values, version }: Props) {
  const announce = useAnnounce();
  // Said in the back office's live region (feedback.tsx), like every desk form.
  const [state, action, pending] = useActionState(async (previous: SettingsState, formData: FormData) => {
    const result = await saveShopSettingsAction(previous, formData);
    if (result?.ok) announce?.(result.message);
    return result;
  }, null);
  const shown = state && !state.ok && state.values ? state.values : values;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const currentVersion = state?.ok ? state.version : version;
  const fields = (list: typeof IDENTITY) =>
    list.map(([name, label, extra]) => (
      <Field key={name} name={name} label={label} defaultValue={shown[name] ?? ''} error={errors[name]} {...extra} />
    ));
  return (
    <form action={action} className="admin-form">
      {state && !state.ok && <FormError message={state.message} />}
      {state?.ok && !announce && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <input type="hidden" name="version" value={currentVersion} />
      <fieldset>
        <legend>Identité du vendeur (conditions générales de vente, e-mails)</legend>
        {fields(IDENTITY)}
      </fieldset>
      <fieldset>
        <legend>Mentions légales : éditeur et hébergeur</legend>
        {fields(PUBLISHER)}
        <div className="field field-check">
          <input
            id="microEnterprise"
            type="checkbox"
            name="microEnterprise"
            defaultChecked={shown.microEnterprise === 'on'}
            aria-describedby="microEnterprise-aide"
          />
          <label htmlFor="microEnterprise">
            Micro-entreprise (moins de 10 personnes et au plus 2 M€ de chiffre d’affaires)
          </label>
          <p id="microEnterprise-aide" className="field-hint">
            Une micro-entreprise est exemptée des exigences d’accessibilité des services de commerce en ligne ; la
            déclaration d’accessibilité le dit.
          </p>
        </div>
      </fieldset>
      <fieldset>
        <legend>Commandes et livraison</legend>
        <p className="field-hint">
          La loi impose au moins 3,00 € de frais pour une commande de moins de 35 € de livres neufs, et 0,01 € à partir
          de 35 € : la boutique relève d’elle-même des frais plus bas.
        </p>
        {fields(DELIVERY)}
      </fieldset>
      <button type="submit" disabled={pending}>
        Enregistrer les réglages
      </button>
    </form>
  );
}
