import { Field } from '@/components/ui/field';
import type { OrganisationForEditing } from '@/lib/data/customers/customer-organisations';
import { ORGANISATION_KIND_LABELS } from '@/lib/organisations/kinds';
import {
  DEFAULT_PAYMENT_TERM_DAYS,
  MAX_BUSINESS_PAYMENT_TERM_DAYS,
  MAX_PERIODIC_INVOICE_TERM_DAYS,
  PUBLIC_BUYER_PAYMENT_TERM_DAYS,
} from '@/lib/organisations/payment-terms';
import { ORGANISATION_KINDS } from '@/lib/pricing';
import { basisPointsToPercent, MAX_ORGANISATION_BUYERS } from '@/lib/validation/customer-organisations';
import { ActionForm } from '../action-form';
import { createOrganisationAction, updateOrganisationAction } from './actions';

function Checkbox({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint: string }) {
  return (
    <div className="field field-check">
      <input id={name} type="checkbox" name={name} defaultChecked={checked} aria-describedby={`${name}-aide`} />
      <label htmlFor={name}>{label}</label>
      <p id={`${name}-aide`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}

/** A customer organisation's record: who it is, what the law lets it pay, who orders for it. */
export function OrganisationForm({ organisation }: { organisation: OrganisationForEditing | null }) {
  const o = organisation;
  return (
    <ActionForm
      action={o ? updateOrganisationAction : createOrganisationAction}
      submitLabel={o ? 'Enregistrer l’organisation' : 'Créer l’organisation'}
      className="admin-form"
      label={o ? 'Fiche de l’organisation' : 'Nouvelle organisation'}
    >
      {o && (
        <>
          <input type="hidden" name="id" value={o.id} />
          <input type="hidden" name="version" value={o.version} />
        </>
      )}
      <fieldset>
        <legend>Identité</legend>
        <Field label="Nom" layout="field-wide" name="name" required maxLength={120} defaultValue={o?.name} />
        <Field control="select" label="Type d’organisation" name="kind" required defaultValue={o?.kind ?? ''}>
          <option value="" disabled>
            Choisir…
          </option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ORGANISATION_KIND_LABELS[kind]}
            </option>
          ))}
        </Field>
        <Field
          label="SIRET"
          name="siret"
          required
          maxLength={20}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={o?.siret}
          hint="14 chiffres (le SIREN puis le numéro de l’établissement)."
        />
        <Field
          label="Numéro de TVA intracommunautaire (facultatif)"
          name="vatNumber"
          maxLength={20}
          autoComplete="off"
          defaultValue={o?.vatNumber ?? ''}
        />
      </fieldset>
      <fieldset>
        <legend>Prix et paiement</legend>
        <Field
          label="Remise négociée (%)"
          name="discount"
          required
          inputMode="decimal"
          maxLength={6}
          defaultValue={o ? basisPointsToPercent(o.discountBasisPoints) : '0'}
          hint="Sur le prix fixé par l’éditeur : au plus 5 % (loi n° 81-766, art. 1), 9 % pour une bibliothèque, l’État, une collectivité, un établissement d’enseignement, de formation ou de recherche, un syndicat représentatif ou un CSE achetant pour ses besoins propres (art. 3)."
        />
        <Field
          label="Remise sur les livres scolaires (%, facultatif)"
          name="schoolbookDiscount"
          inputMode="decimal"
          maxLength={6}
          defaultValue={
            o?.schoolbookDiscountBasisPoints != null ? basisPointsToPercent(o.schoolbookDiscountBasisPoints) : ''
          }
          hint="Prix libre des livres scolaires pour l’État, une collectivité territoriale ou un établissement d’enseignement (loi n° 81-766, art. 3, dernier alinéa) ; vide : la remise négociée."
        />
        <Field
          label="Délai de paiement (jours à compter de la facture)"
          name="paymentTermDays"
          required
          inputMode="numeric"
          maxLength={3}
          defaultValue={String(o?.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS)}
          hint={`Au plus ${MAX_BUSINESS_PAYMENT_TERM_DAYS} jours (Code de commerce, art. L441-10) ; ${PUBLIC_BUYER_PAYMENT_TERM_DAYS} jours pour un acheteur public (Code de la commande publique, art. R2192-10).`}
        />
        <Checkbox
          name="monthlyStatement"
          label="Relevé mensuel : une facture par mois pour les commandes expédiées"
          checked={o?.monthlyStatement ?? false}
          hint={`Émis le dernier jour du mois (CGI, art. 289, I-3) ; payable sous ${MAX_PERIODIC_INVOICE_TERM_DAYS} jours au plus (Code de commerce, art. L441-10, I). Sinon, une facture à chaque expédition.`}
        />
      </fieldset>
      <fieldset>
        <legend>Acheteur public (Chorus Pro)</legend>
        <Checkbox
          name="publicBuyer"
          label="Acheteur public : factures déposées sur Chorus Pro"
          checked={o?.publicBuyer ?? false}
          hint="L’État, les collectivités territoriales et les établissements publics (Code de la commande publique, art. L2192-1 et suivants)."
        />
        <Field
          label="Code service Chorus Pro (facultatif)"
          name="chorusServiceCode"
          maxLength={100}
          autoComplete="off"
          defaultValue={o?.chorusServiceCode ?? ''}
        />
        <Checkbox
          name="engagementNumberRequired"
          label="Numéro d’engagement obligatoire sur chaque commande"
          checked={o?.engagementNumberRequired ?? false}
          hint="L’acheteur public l’exige sur ses factures : la commande ne sera pas acceptée sans lui."
        />
      </fieldset>
      <fieldset>
        <legend>Facturation</legend>
        <Field
          label="Adresse e-mail de facturation"
          name="billingEmail"
          type="email"
          required
          maxLength={254}
          defaultValue={o?.billingEmail}
        />
        <Field label="Adresse" name="billingLine1" required maxLength={120} defaultValue={o?.billingLine1} />
        <Field
          label="Complément d’adresse (facultatif)"
          name="billingLine2"
          maxLength={120}
          defaultValue={o?.billingLine2 ?? ''}
        />
        <Field
          label="Code postal"
          name="billingPostalCode"
          required
          inputMode="numeric"
          maxLength={5}
          defaultValue={o?.billingPostalCode}
        />
        <Field label="Ville" name="billingCity" required maxLength={80} defaultValue={o?.billingCity} />
      </fieldset>
      <fieldset>
        <legend>Livraison (vide : à l’adresse de facturation)</legend>
        <Field
          label="Adresse de livraison"
          name="deliveryLine1"
          maxLength={120}
          defaultValue={o?.deliveryLine1 ?? ''}
        />
        <Field
          label="Complément d’adresse de livraison"
          name="deliveryLine2"
          maxLength={120}
          defaultValue={o?.deliveryLine2 ?? ''}
        />
        <Field
          label="Code postal de livraison"
          name="deliveryPostalCode"
          inputMode="numeric"
          maxLength={5}
          defaultValue={o?.deliveryPostalCode ?? ''}
        />
        <Field label="Ville de livraison" name="deliveryCity" maxLength={80} defaultValue={o?.deliveryCity ?? ''} />
      </fieldset>
      <Field
        control="textarea"
        label="Acheteurs : adresses e-mail des personnes qui commandent pour l’organisation"
        layout="field-wide"
        name="buyers"
        rows={4}
        defaultValue={o?.buyerEmails.join('\n') ?? ''}
        hint={`Une adresse par ligne, ${MAX_ORGANISATION_BUYERS} au plus. Une personne qui se connecte à son compte lecteur avec l’une de ces adresses commande pour l’organisation.`}
      />
    </ActionForm>
  );
}
