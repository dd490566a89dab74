import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 9, minute));

describe('buildTimeline', () => {
  it('puts the customer, Stripe and staff in time order, with who did what', () => {
    const timeline = buildTimeline({
      createdAt: at(0),
      paymentEvents: [
        { receivedAt: at(2), type: 'checkout.session.completed', outcome: 'paid' },
        { receivedAt: at(40), type: 'charge.refunded', outcome: 'refunds applied: 1' },
        { receivedAt: at(41), type: 'charge.refunded', outcome: 'ignored: order is cancelled' },
      ],
      auditEntries: [
        {
          at: at(10),
          action: 'order.status_changed',
          staffName: 'Claire Libraire',
          before: { status: 'paid' },
          after: { status: 'preparing' },
        },
        {
          at: at(20),
          action: 'order.status_changed',
          staffName: 'Claire Libraire',
          before: { status: 'preparing' },
          after: { status: 'shipped', carrier: 'colissimo', trackingNumber: '6A12345678901' },
        },
        {
          at: at(25),
          action: 'order.comment',
          staffName: 'Paul Admin',
          before: null,
          after: { text: 'Client prévenu.' },
        },
        {
          at: at(30),
          action: 'refund.requested',
          staffName: 'Paul Admin',
          before: null,
          after: {
            amountCents: 1000,
            shippingCents: 0,
            extraCents: 0,
            reason: 'damaged',
            note: null,
            lines: [{ title: 'Le service public', quantity: 1 }],
          },
        },
      ],
      refunds: [{ appliedAt: at(31), amountCents: 1000, stripeRefundId: 're_1' }],
    });
    expect(timeline.map((e) => [e.who, e.title, e.detail])).toEqual([
      ['Client', 'Commande passée', null],
      ['Stripe', 'Paiement reçu', null],
      ['Claire Libraire', 'Statut : payée → en préparation', null],
      ['Claire Libraire', 'Statut : en préparation → expédiée', 'Colissimo, suivi 6A12345678901'],
      ['Paul Admin', 'Commentaire interne', 'Client prévenu.'],
      ['Paul Admin', 'Remboursement demandé : 10,00\u00a0€ (Livre abîmé)', '1 × « Le service public »'],
      ['Stripe', 'Remboursement de 10,00\u00a0€ effectué', 're_1'],
      ['Stripe', 'Remboursement signalé', null],
      ['Stripe', 'Remboursement signalé (sans effet)', null],
    ]);
  });

  it('survives audit entries whose JSON is not what it expects', () => {
    const [, entry] = buildTimeline({
      createdAt: at(0),
      paymentEvents: [],
      auditEntries: [{ at: at(1), action: 'refund.requested', staffName: null, before: 'x', after: [1, 2] }],
      refunds: [],
    });
    expect(entry).toMatchObject({ who: 'Librairie', title: 'Remboursement demandé : 0,00\u00a0€ ()' });
  });
  it('tells a new date from the distributor, and whether the customer was told', () => {
    const timeline = buildTimeline({
      createdAt: at(0),
      paymentEvents: [],
      auditEntries: [
        {
          at: at(5),
          action: 'order.delay_announced',
          staffName: 'Claire Libraire',
          before: { title: 'Le service public', expectedOn: null, deliveryLatestOn: '2026-12-16' },
          after: {
            title: 'Le service public',
            expectedOn: '2027-01-07',
            deliveryLatestOn: '2027-01-12',
            customerTold: true,
          },
        },
      ],
      refunds: [],
    });
    expect(timeline.at(-1)).toMatchObject({
      who: 'Claire Libraire',
      title: 'Nouveau délai du distributeur',
      detail:
        '« Le service public » : attendu le 07/01/2027 ; livraison au plus tard le 12/01/2027 ; client prévenu par e-mail',
    });
  });

  it('says the customer cancelled a pre-order, with the status change and the refund it asked for', () => {
    const timeline = buildTimeline({
      createdAt: at(0),
      paymentEvents: [],
      auditEntries: [
        {
          at: at(5),
          action: 'order.status_changed',
          staffName: null,
          before: { status: 'paid' },
          after: { status: 'cancelled', by: 'customer' },
        },
        { at: at(5), action: 'order.pre_order_cancelled', staffName: null, before: null, after: { wholeOrder: true } },
        {
          at: at(6),
          action: 'order.pre_order_price_dropped',
          staffName: null,
          before: null,
          after: { priceCents: 1800 },
        },
      ],
      refunds: [],
    });
    expect(timeline.slice(1).map((e) => [e.who, e.title])).toEqual([
      ['Client', 'Statut : payée → annulée'],
      ['Client', 'Précommande annulée par le client'],
      ['Librairie', 'Baisse du prix de l’éditeur remboursée'],
    ]);
  });
});
