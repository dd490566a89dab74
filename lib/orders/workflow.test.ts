import { describe, expect, it } from 'vitest';
import type { DeliveryMethod } from '@/lib/pricing';
import type { OrderStatus } from './status';
import { ORDER_STATUS_LABELS } from './status';
import {
  availableTransitions,
  awaitedCopies,
  checkReceive,
  checkTransition,
  orderStage,
  STAFF_TRANSITIONS,
  type OrderFacts,
  type StaffTransition,
} from './workflow';

const facts = (
  status: OrderStatus,
  deliveryMethod: DeliveryMethod,
  overrides: Partial<OrderFacts> = {},
): OrderFacts => ({
  status,
  deliveryMethod,
  awaitedCopies: 0,
  copiesToHandOver: 1,
  ...overrides,
});

const HOME = 'home_delivery';
const PICKUP = 'shop_pickup';

describe('checkTransition: the allowed steps', () => {
  it.each([
    [HOME, 'paid', 'prepare', 'preparing'],
    [HOME, 'preparing', 'ship', 'shipped'],
    [HOME, 'shipped', 'deliver', 'delivered'],
    [PICKUP, 'paid', 'make_ready', 'ready_for_pickup'],
    [PICKUP, 'ready_for_pickup', 'collect', 'collected'],
    [HOME, 'paid', 'cancel', 'cancelled'],
    [HOME, 'preparing', 'cancel', 'cancelled'],
    [PICKUP, 'ready_for_pickup', 'cancel', 'cancelled'],
  ] as const)('%s: %s --%s--> %s', (method, from, transition, to) => {
    expect(checkTransition(facts(from, method), transition)).toEqual({ ok: true, to });
  });
});

describe('checkTransition: refused with a French reason', () => {
  it.each([
    [
      HOME,
      'pending_payment',
      'ship',
      'ORDER_NOT_PAID',
      'Impossible d’expédier une commande non payée (en attente de paiement).',
    ],
    [HOME, 'expired', 'prepare', 'ORDER_NOT_PAID', 'Impossible de préparer une commande non payée (expirée).'],
    [
      PICKUP,
      'payment_failed',
      'cancel',
      'ORDER_NOT_PAID',
      'Impossible d’annuler une commande non payée (paiement refusé).',
    ],
    [
      HOME,
      'ready_for_pickup',
      'collect',
      'WRONG_DELIVERY_METHOD',
      'Cette commande est à livrer à domicile : elle ne peut pas être retirée en librairie.',
    ],
    [
      HOME,
      'paid',
      'make_ready',
      'WRONG_DELIVERY_METHOD',
      'Cette commande est à livrer à domicile : elle ne se retire pas en librairie.',
    ],
    [
      PICKUP,
      'preparing',
      'ship',
      'WRONG_DELIVERY_METHOD',
      'Cette commande est à retirer en librairie : elle ne s’expédie pas.',
    ],
    [
      PICKUP,
      'paid',
      'prepare',
      'WRONG_DELIVERY_METHOD',
      'Cette commande est à retirer en librairie : mettez-la « prête au retrait » au lieu de la préparer pour un envoi.',
    ],
    [
      HOME,
      'paid',
      'ship',
      'WRONG_STEP',
      'Impossible d’expédier une commande payée : elle doit d’abord être en préparation.',
    ],
    [
      HOME,
      'preparing',
      'deliver',
      'WRONG_STEP',
      'Impossible de marquer livrée une commande en préparation : elle doit d’abord être expédiée.',
    ],
    [HOME, 'shipped', 'ship', 'ALREADY_DONE', 'La commande est déjà expédiée.'],
    [
      HOME,
      'shipped',
      'cancel',
      'ORDER_LEFT_THE_SHOP',
      'La commande est expédiée : elle a quitté la librairie et ne peut plus être annulée. Remboursez-la si besoin.',
    ],
    [
      PICKUP,
      'collected',
      'cancel',
      'ORDER_LEFT_THE_SHOP',
      'La commande est retirée : elle a quitté la librairie et ne peut plus être annulée. Remboursez-la si besoin.',
    ],
    [HOME, 'cancelled', 'prepare', 'ORDER_CLOSED', 'La commande est annulée : plus aucune étape n’est possible.'],
    [HOME, 'refunded', 'cancel', 'ORDER_CLOSED', 'La commande est remboursée : plus aucune étape n’est possible.'],
    [HOME, 'cancelled', 'cancel', 'ALREADY_DONE', 'La commande est déjà annulée.'],
  ] as const)('%s: %s --%s--> %s', (method, from, transition, code, message) => {
    expect(checkTransition(facts(from, method), transition)).toEqual({ ok: false, code, message });
  });

  it('keeps an order that waits for the distributor out of preparation, and says how many copies', () => {
    expect(checkTransition(facts('paid', HOME, { awaitedCopies: 2 }), 'prepare')).toEqual({
      ok: false,
      code: 'COPIES_AWAITED',
      message: '2 exemplaires encore attendus du distributeur : marquez-les reçus avant de préparer la commande.',
    });
    expect(checkTransition(facts('paid', PICKUP, { awaitedCopies: 1 }), 'make_ready')).toMatchObject({
      message:
        '1 exemplaire encore attendu du distributeur : marquez-les reçus avant de mettre au retrait la commande.',
    });
    // Cancelling does not wait for the distributor.
    expect(checkTransition(facts('paid', HOME, { awaitedCopies: 2 }), 'cancel')).toEqual({ ok: true, to: 'cancelled' });
  });

  it('does not prepare an order whose every book was refunded', () => {
    expect(checkTransition(facts('paid', HOME, { copiesToHandOver: 0 }), 'prepare')).toMatchObject({
      code: 'NOTHING_TO_HAND_OVER',
    });
  });
});

describe('the whole table', () => {
  const statuses = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];
  const methods: DeliveryMethod[] = [HOME, PICKUP];

  it('every refusal has a French message and every success goes somewhere new', () => {
    for (const status of statuses)
      for (const method of methods)
        for (const transition of STAFF_TRANSITIONS) {
          const result = checkTransition(facts(status, method), transition);
          if (result.ok) expect(result.to).not.toBe(status);
          else expect(result.message).toMatch(/^[A-ZÉ0-9].*[.]$/);
        }
  });

  it('no step leads out of a closed order or back to an unpaid one', () => {
    for (const method of methods)
      for (const status of ['cancelled', 'refunded', 'delivered', 'collected'] as const)
        expect(availableTransitions(facts(status, method))).toEqual([]);
    for (const status of statuses)
      for (const method of methods)
        for (const transition of STAFF_TRANSITIONS) {
          const result = checkTransition(facts(status, method), transition);
          if (result.ok) expect(['pending_payment', 'payment_failed', 'expired', 'paid']).not.toContain(result.to);
        }
  });

  it('offers the steps of each delivery method only', () => {
    expect(availableTransitions(facts('paid', HOME))).toEqual<StaffTransition[]>(['prepare', 'cancel']);
    expect(availableTransitions(facts('paid', PICKUP))).toEqual<StaffTransition[]>(['make_ready', 'cancel']);
    expect(availableTransitions(facts('preparing', HOME))).toEqual<StaffTransition[]>(['ship', 'cancel']);
    expect(availableTransitions(facts('shipped', HOME))).toEqual<StaffTransition[]>(['deliver']);
    expect(availableTransitions(facts('ready_for_pickup', PICKUP))).toEqual<StaffTransition[]>(['collect', 'cancel']);
  });
});

describe('copies awaited from the distributor', () => {
  it('counts backordered copies neither received nor cancelled', () => {
    expect(awaitedCopies({ backorderQuantity: 3, receivedQuantity: 1, cancelledBackorderQuantity: 1 })).toBe(1);
    expect(awaitedCopies({ backorderQuantity: 0, receivedQuantity: 0, cancelledBackorderQuantity: 0 })).toBe(0);
  });

  it('a paid order with copies awaited is at the stage "en attente du distributeur"', () => {
    expect(orderStage('paid', 2)).toBe('awaiting_supplier');
    expect(orderStage('paid', 0)).toBe('to_prepare');
    expect(orderStage('shipped', 0)).toBe('shipped');
  });

  it.each([
    ['paid', 1, { ok: true }],
    ['pending_payment', 1, { ok: false, code: 'ORDER_NOT_PAID' }],
    ['cancelled', 1, { ok: false, code: 'WRONG_STEP' }],
    ['paid', 0, { ok: false, code: 'NOTHING_AWAITED' }],
  ] as const)('receiving for a %s order with %i awaited: %o', (status, awaited, expected) => {
    expect(checkReceive(status, awaited)).toMatchObject(expected);
  });
});
