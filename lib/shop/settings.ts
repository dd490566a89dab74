import { z } from 'zod';
import { assertValidShippingTable, type ShippingTable } from '@/lib/pricing/shipping';
import { plainText } from '@/lib/core/plain-text';
import { isValidGln } from '@/lib/stock/gln';
import { SHOP } from './config';
import { SHOP_SHIPPING_TABLE } from './shipping-config';

// The shop's settings that an admin edits in the back office (/admin/reglages) and that the
// database keeps (ShopSettings): who the seller is (the terms page and the e-mails must say it:
// Code de la consommation, art. L221-5 and L111-1; LCEN art. 19), the order cut-off hour and the
// delivery fee table. Pure: lib/data/staff/shop-settings.ts reads and writes them; until an admin saves
// them, these defaults apply.

export type ShopSettings = {
  /** The name readers see ("Librairie des Facultés"). */
  name: string;
  tagline: string;
  /** Raison sociale and legal form ("Librairie des Facultés SAS"). */
  legalName: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  /** 14 digits, Luhn-checked (INSEE). */
  siret: string;
  /** FR + 2-digit key + SIREN (CGI, art. 286 ter). */
  vatNumber: string;
  /** The consumer mediator the shop adheres to (Code de la consommation, art. L612-1, L616-1). */
  mediatorName: string;
  mediatorUrl: string;
  /** Forme juridique ("SAS", "SARL", "EI"…): the mentions légales (LCEN art. 1-1). */
  legalForm: string;
  /** Capital social in cents; null for an enterprise without one (an EI). */
  shareCapitalCents: number | null;
  /** The city of the RCS registry (C. com. R123-237: "RCS Paris"); null when not registered at the RCS. */
  rcsCity: string | null;
  /** Directeur de la publication (LCEN art. 1-1). */
  publicationDirector: string;
  /** Who hosts the site (LCEN art. 1-1): name, address, phone. */
  hostName: string;
  hostAddress: string;
  hostPhone: string;
  /** Fewer than 10 people and at most 2 M€ of turnover: exempt from the accessibility requirements (décret n° 2023-931). */
  microEnterprise: boolean;
  /** The shop's GLN (GS1, 13 digits): who sends its EDI orders (lib/edi); null until set. */
  gln: string | null;
  /** The account organisations pay to by transfer (their invoices print it); "" until set. */
  iban: string;
  bic: string;
  /** Orders after this hour (Europe/Paris) count from the next business day. */
  orderCutoffHour: number;
  shippingTable: ShippingTable;
};

/**
 * The demo's mediator, plainly fictitious: with real Stripe keys, the checkout refuses to take orders
 * while it is set (Code de la consommation, art. L612-1: every consumer may refer to a real one).
 */
export const DEMO_MEDIATOR_NAME = 'Médiateur fictif de démonstration (à remplacer par celui de la librairie)';

export function hasPlaceholderMediator(settings: Pick<ShopSettings, 'mediatorName'>): boolean {
  return settings.mediatorName === DEMO_MEDIATOR_NAME || /à désigner|fictif/i.test(settings.mediatorName);
}

/** The demo shop: fictitious identity (a valid-looking SIRET that belongs to nobody). */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  name: SHOP.name,
  tagline: SHOP.tagline,
  legalName: 'Librairie des Facultés SAS (société fictive de démonstration)',
  addressLine1: '12 rue Soufflot',
  addressLine2: null,
  postalCode: '75005',
  city: 'Paris',
  email: 'contact@librairie.example',
  phone: '01 23 45 67 89',
  siret: '81234567600009',
  vatNumber: 'FR19812345676',
  mediatorName: DEMO_MEDIATOR_NAME,
  mediatorUrl: 'https://www.economie.gouv.fr/mediation-conso',
  legalForm: 'SAS (société par actions simplifiée)',
  shareCapitalCents: 1_000_000,
  rcsCity: 'Paris',
  publicationDirector: 'Camille Exemple (directrice fictive de démonstration)',
  hostName: 'Hébergeur fictif de démonstration SAS',
  hostAddress: '1 rue de l’Exemple, 75000 Paris',
  hostPhone: '01 00 00 00 00',
  microEnterprise: false,
  gln: null,
  iban: '',
  bic: '',
  orderCutoffHour: SHOP.orderCutoffHour,
  shippingTable: SHOP_SHIPPING_TABLE,
};

/** Luhn over the 14 digits (INSEE's check of a SIRET). */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  let sum = 0;
  for (let index = 0; index < 14; index += 1) {
    let digit = Number(siret.charAt(13 - index));
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** IBAN (ISO 13616): the country, two check digits, the account; the whole, rearranged, mod 97 = 1. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** French VAT number: FR, a key of 2 digits, the SIREN; key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function isValidFrenchVatNumber(vat: string, siren?: string): boolean {
  const match = /^FR(\d{2})(\d{9})$/.exec(vat);
  if (!match) return false;
  const [, key, number] = match;
  if (siren && number !== siren) return false;
  return Number(key) === (12 + 3 * (Number(number) % 97)) % 97;
}

const eurosToCents = (label: string) =>
  z
    .string({ error: `Indiquez ${label}.` })
    .trim()
    .regex(/^\d{1,4}(?:[.,]\d{1,2})?$/, { error: `${label} : un montant en euros, par exemple 4,90.` })
    .transform((value) => Math.round(Number(value.replace(',', '.')) * 100));

/** The settings form, as posted: euros typed with a comma, the table as a few plain fields. */
export const ShopSettingsFormSchema = z
  .object({
    name: plainText(80, 'Indiquez le nom de la librairie.'),
    tagline: plainText(120, 'Indiquez une courte présentation.'),
    legalName: plainText(120, 'Indiquez la raison sociale.'),
    addressLine1: plainText(120, 'Indiquez l’adresse.'),
    addressLine2: plainText(120)
      .optional()
      .transform((value) => value || null),
    postalCode: z
      .string({ error: 'Indiquez le code postal.' })
      .trim()
      .regex(/^\d{5}$/, { error: 'Code postal à 5 chiffres.' }),
    city: plainText(80, 'Indiquez la ville.'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254)),
    phone: plainText(30, 'Indiquez un numéro de téléphone.'),
    siret: z
      .string({ error: 'Indiquez le SIRET.' })
      .transform((value) => value.replace(/\s/g, ''))
      .refine(isValidSiret, { error: 'SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.' }),
    vatNumber: z
      .string({ error: 'Indiquez le numéro de TVA intracommunautaire.' })
      .transform((value) => value.replace(/\s/g, '').toUpperCase()),
    mediatorName: plainText(160, 'Indiquez le médiateur de la consommation.'),
    mediatorUrl: z.url({ protocol: /^https$/, error: 'Adresse https du médiateur.' }).max(300),
    legalForm: plainText(80, 'Indiquez la forme juridique (SAS, SARL, EI…).'),
    shareCapital: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(
        z
          .string()
          .regex(/^\d{1,12}(?:[.,]\d{1,2})?$/, { error: 'Capital social : un montant en euros, par exemple 10000.' })
          .transform((value) => Math.round(Number(value.replace(',', '.')) * 100))
          .nullable(),
      ),
    rcsCity: plainText(80)
      .optional()
      .transform((value) => value || null),
    publicationDirector: plainText(120, 'Indiquez le directeur de la publication.'),
    hostName: plainText(120, 'Indiquez l’hébergeur du site.'),
    hostAddress: plainText(200, 'Indiquez l’adresse de l’hébergeur.'),
    hostPhone: plainText(30, 'Indiquez le téléphone de l’hébergeur.'),
    microEnterprise: z
      .string()
      .optional()
      .transform((value) => value === 'on'),
    gln: z
      .string()
      .optional()
      .transform((value) => (value ?? '').replace(/\s/g, '') || null)
      .refine((value) => value === null || isValidGln(value), {
        error: 'GLN invalide : 13 chiffres dont le dernier est une clé de contrôle (GS1).',
      }),
    iban: z
      .string()
      .optional()
      .transform((value) => (value ?? '').replace(/\s/g, '').toUpperCase())
      .refine((value) => value === '' || isValidIban(value), {
        error: 'IBAN invalide : 2 lettres de pays, 2 chiffres de clé et le numéro de compte (ISO 13616).',
      }),
    bic: z
      .string()
      .optional()
      .transform((value) => (value ?? '').replace(/\s/g, '').toUpperCase())
      .refine((value) => value === '' || /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(value), {
        error: 'BIC invalide : 8 ou 11 caractères (ISO 9362).',
      }),
    orderCutoffHour: z.coerce
      .number({ error: 'Heure limite : un nombre entier.' })
      .int({ error: 'Heure limite : un nombre entier.' })
      .min(0, { error: 'Heure limite entre 0 et 23.' })
      .max(23, { error: 'Heure limite entre 0 et 23.' }),
    homeDeliveryLabel: plainText(80, 'Indiquez le nom de la livraison à domicile.'),
    homeFeeBelowThreshold: eurosToCents('Frais de livraison sous le seuil'),
    homeThreshold: eurosToCents('Seuil'),
    homeFeeFromThreshold: eurosToCents('Frais de livraison à partir du seuil'),
    pickupLabel: plainText(80, 'Indiquez le nom du retrait en librairie.'),
  })
  .superRefine((form, ctx) => {
    if (!isValidFrenchVatNumber(form.vatNumber, form.siret.slice(0, 9))) {
      ctx.addIssue({
        code: 'custom',
        path: ['vatNumber'],
        message: 'Numéro de TVA invalide : FR, une clé à 2 chiffres et le SIREN (les 9 premiers chiffres du SIRET).',
      });
    }
    if (form.homeThreshold === 0) {
      ctx.addIssue({ code: 'custom', path: ['homeThreshold'], message: 'Le seuil doit être supérieur à 0 €.' });
    }
  })
  .transform(
    ({
      homeDeliveryLabel,
      homeFeeBelowThreshold,
      homeThreshold,
      homeFeeFromThreshold,
      pickupLabel,
      shareCapital,
      ...identity
    }) => {
      const shippingTable: ShippingTable = {
        home_delivery: {
          label: homeDeliveryLabel,
          tiers: [
            { fromGoodsCents: 0, feeCents: homeFeeBelowThreshold },
            { fromGoodsCents: homeThreshold, feeCents: homeFeeFromThreshold },
          ],
        },
        // Pickup in a bookshop may be free (loi n° 81-766, art. 1, al. 4): the shop's choice.
        shop_pickup: { label: pickupLabel, tiers: [{ fromGoodsCents: 0, feeCents: 0 }] },
      };
      assertValidShippingTable(shippingTable);
      return { ...identity, shareCapitalCents: shareCapital, shippingTable } satisfies ShopSettings;
    },
  );

/** The stored table, read back from the database's JSON: checked, never trusted blindly. */
export function parseStoredShippingTable(value: unknown): ShippingTable {
  // `feePerParcelCents` is the key tables were stored with before the fee became one per order
  // (migration 20261207110000 renames it): still read, so an instance never meets a table it refuses.
  const tier = z.preprocess(
    (row) =>
      row && typeof row === 'object' && 'feePerParcelCents' in row && !('feeCents' in row)
        ? { ...row, feeCents: (row as { feePerParcelCents: unknown }).feePerParcelCents }
        : row,
    z.object({ fromGoodsCents: z.number().int().min(0), feeCents: z.number().int().min(0) }),
  );
  const method = z.object({ label: z.string().min(1), tiers: z.array(tier).min(1) });
  const table = z.object({ home_delivery: method, shop_pickup: method }).parse(value);
  assertValidShippingTable(table);
  return table;
}

/** The form's fields from settings, for the edit form's default values. */
export function settingsFormValues(settings: ShopSettings): Record<string, string> {
  const home = settings.shippingTable.home_delivery.tiers;
  const euros = (cents: number | undefined) => ((cents ?? 0) / 100).toFixed(2).replace('.', ',');
  return {
    name: settings.name,
    tagline: settings.tagline,
    legalName: settings.legalName,
    addressLine1: settings.addressLine1,
    addressLine2: settings.addressLine2 ?? '',
    postalCode: settings.postalCode,
    city: settings.city,
    email: settings.email,
    phone: settings.phone,
    siret: settings.siret,
    vatNumber: settings.vatNumber,
    mediatorName: settings.mediatorName,
    mediatorUrl: settings.mediatorUrl,
    legalForm: settings.legalForm,
    shareCapital: settings.shareCapitalCents === null ? '' : euros(settings.shareCapitalCents),
    rcsCity: settings.rcsCity ?? '',
    publicationDirector: settings.publicationDirector,
    hostName: settings.hostName,
    hostAddress: settings.hostAddress,
    hostPhone: settings.hostPhone,
    microEnterprise: settings.microEnterprise ? 'on' : '',
    gln: settings.gln ?? '',
    iban: settings.iban,
    bic: settings.bic,
    orderCutoffHour: String(settings.orderCutoffHour),
    homeDeliveryLabel: settings.shippingTable.home_delivery.label,
    homeFeeBelowThreshold: euros(home[0]?.feeCents),
    homeThreshold: euros(home[1]?.fromGoodsCents ?? 3500),
    homeFeeFromThreshold: euros(home[1]?.feeCents ?? home[0]?.feeCents),
    pickupLabel: settings.shippingTable.shop_pickup.label,
  };
}
