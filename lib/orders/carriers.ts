// The carriers the shop ships with, and the public page where a customer follows a parcel.
// Pure. Numbers are read generously (spaces and case ignored) and checked by shape only: a
// carrier's own check digits are not published.

/** The carriers of the database's Carrier enum (checked against it in lib/data/platform/enum-checks.ts). */
export type Carrier = 'colissimo' | 'mondial_relay' | 'chronopost';

type CarrierRule = {
  label: string;
  /** Shape of a tracking number once spaces are removed and letters upper-cased. */
  pattern: RegExp;
  example: string;
  trackingUrl: (trackingNumber: string, postalCode: string | null) => string;
};

export const CARRIERS: Record<Carrier, CarrierRule> = {
  // La Poste: "Votre numéro de suivi comporte 11 à 15 caractères" (https://www.laposte.fr/outils/suivre-vos-envois).
  colissimo: {
    label: 'Colissimo',
    pattern: /^[0-9A-Z]{11,15}$/,
    example: '6A12345678901',
    trackingUrl: (n) => `https://www.laposte.fr/outils/suivre-vos-envois?code=${encodeURIComponent(n)}`,
  },
  // Mondial Relay: an 8-digit shipment number; the tracking page also asks for the postal code
  // (https://www.mondialrelay.fr/suivi-de-colis/).
  mondial_relay: {
    label: 'Mondial Relay',
    pattern: /^[0-9]{8,12}$/,
    example: '12345678',
    trackingUrl: (n, postalCode) =>
      `https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=${encodeURIComponent(n)}${
        postalCode ? `&codePostal=${encodeURIComponent(postalCode)}` : ''
      }`,
  },
  // Chronopost: 13 characters, e.g. XY123456789FR (https://www.chronopost.fr/fr/suivi-colis).
  chronopost: {
    label: 'Chronopost',
    pattern: /^[0-9A-Z]{11,15}$/,
    example: 'XY123456789FR',
    trackingUrl: (n) => `https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=${encodeURIComponent(n)}`,
  },
};

export const CARRIER_IDS = Object.keys(CARRIERS) as Carrier[];

/** "6a 1234 5678 901" → "6A12345678901"; null when it cannot be this carrier's number. */
export function normalizeTrackingNumber(carrier: Carrier, raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  return CARRIERS[carrier].pattern.test(compact) ? compact : null;
}

export function trackingUrl(carrier: Carrier, trackingNumber: string, postalCode: string | null): string {
  return CARRIERS[carrier].trackingUrl(trackingNumber, postalCode);
}
