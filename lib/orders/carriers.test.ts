import { describe, expect, it } from 'vitest';
import { normalizeTrackingNumber, trackingUrl } from './carriers';

describe('tracking numbers', () => {
  it.each([
    ['colissimo', '6a 1234 5678 901', '6A12345678901'],
    ['colissimo', '6A1234', null],
    ['colissimo', '6A12345678901<script>', null],
    ['mondial_relay', '1234-5678', '12345678'],
    ['mondial_relay', 'AB345678', null],
    ['chronopost', 'xy123456789fr', 'XY123456789FR'],
  ] as const)('%s: %s → %s', (carrier, raw, expected) => {
    expect(normalizeTrackingNumber(carrier, raw)).toBe(expected);
  });

  it('builds each carrier’s public tracking page', () => {
    expect(trackingUrl('colissimo', '6A12345678901', '75005')).toBe(
      'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    );
    expect(trackingUrl('mondial_relay', '12345678', '75005')).toBe(
      'https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition=12345678&codePostal=75005',
    );
    expect(trackingUrl('chronopost', 'XY123456789FR', null)).toBe(
      'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR',
    );
  });
});
