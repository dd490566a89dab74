import { describe, expect, it } from 'vitest';
import { customerTimeline, maskStreet, type TimelineFacts } from './customer-view';

const base: TimelineFacts = {
  status: 'paid',
  deliveryMethod: 'home_delivery',
  createdAt: new Date('2026-12-01T09:30:00Z'),
  paidAt: new Date('2026-12-01T09:32:00Z'),
  reachedAt: {},
  backorderedCopies: 0,
  awaitedCopies: 0,
  awaitedUntil: null,
  shipment: null,
  refunds: [],
  totalCents: 6001,
};

const summary = (facts: TimelineFacts) => customerTimeline(facts).map((s) => `${s.label}:${s.state}`);

describe('the customer’s timeline', () => {
  it('a paid home delivery: payée is where it stands, the rest is to come', () => {
    expect(summary(base)).toEqual([
      'commandée:done',
      'payée:current',
      'en préparation:upcoming',
      'expédiée:upcoming',
      'livrée:upcoming',
    ]);
  });

  it('shipped: the carrier, its number and a link to its tracking page', () => {
    const steps = customerTimeline({
      ...base,
      status: 'shipped',
      reachedAt: { preparing: new Date('2026-12-02T08:00:00Z'), shipped: new Date('2026-12-02T15:00:00Z') },
      shipment: { carrierLabel: 'Colissimo', trackingNumber: '6A12345678901', url: 'https://www.laposte.fr/x' },
    });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      'commandée:done',
      'payée:done',
      'en préparation:done',
      'expédiée:current',
      'livrée:upcoming',
    ]);
    expect(steps[3]).toMatchObject({
      detail: 'Colissimo, numéro de suivi 6A12345678901',
      link: { label: 'Suivre le colis sur le site de Colissimo', href: 'https://www.laposte.fr/x' },
    });
  });

  it('waiting for the distributor, with the expected date; pickup steps', () => {
    const steps = customerTimeline({
      ...base,
      deliveryMethod: 'shop_pickup',
      backorderedCopies: 2,
      awaitedCopies: 2,
      awaitedUntil: '2026-12-11',
    });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      'commandée:done',
      'payée:done',
      'en attente du distributeur:current',
      'prête au retrait:upcoming',
      'retirée:upcoming',
    ]);
    expect(steps[2]!.detail).toBe('2 exemplaires attendus, arrivée prévue au plus tard le vendredi 11 décembre');
  });

  it('cancelled and refunded: the amount, and no step that never happened', () => {
    const steps = customerTimeline({
      ...base,
      status: 'cancelled',
      reachedAt: { cancelled: new Date('2026-12-02T10:00:00Z') },
      refunds: [{ at: new Date('2026-12-02T10:00:01Z'), amountCents: 6001 }],
    });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      'commandée:done',
      'payée:done',
      'annulée:done',
      'remboursée:current',
    ]);
    expect(steps[3]!.detail).toMatch(/^60,01\s€ remboursés sur 60,01\s€$/);
  });
});

describe('maskStreet', () => {
  it('keeps the first letter of each word', () => {
    expect(maskStreet('12 rue Soufflot')).toBe('1• r•• S•••••••');
    expect(maskStreet('  Bât. À  ')).toBe('B••• À');
  });
});
