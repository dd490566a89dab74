// The order desk's workflow: which step a member of staff may take from where, and a French
// reason when the step makes no sense. Pure: lib/data/order-desk/workflow.ts reads the order under a
// row lock, asks here, and writes the result in the same transaction.
//
//   home delivery: payée → en préparation → expédiée → livrée
//   shop pickup:   payée → prête au retrait → retirée
//   either:        payée | en préparation | prête au retrait → annulée (refunded in full)
//
// A paid order whose backordered copies are not all received is shown and filtered as
// "en attente du distributeur" (a stage, see orderStage): it cannot be prepared until they are.
import type { DeliveryMethod } from '@/lib/pricing';
import { ORDER_STATUS_LABELS, UNPAID_STATUSES, type OrderStatus } from './status';
import { formatCopies } from '@/lib/core/copies';

export type StaffTransition = 'prepare' | 'ship' | 'deliver' | 'make_ready' | 'collect' | 'cancel';

type TransitionRule = {
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** null: both delivery methods. */
  method: DeliveryMethod | null;
  /** Infinitive for messages: "impossible d’expédier…". */
  verb: string;
  /** Button label. */
  label: string;
  /** Needs every copy in the shop (none awaited from the distributor). */
  needsAllCopies: boolean;
  /** Why the step does not fit the other delivery method. */
  wrongMethod?: string;
};

const PICKUP = 'Cette commande est à retirer en librairie';
const DELIVERY = 'Cette commande est à livrer à domicile';

export const TRANSITIONS: Record<StaffTransition, TransitionRule> = {
  prepare: {
    from: ['paid'],
    to: 'preparing',
    method: 'home_delivery',
    verb: 'préparer',
    wrongMethod: `${PICKUP} : mettez-la « prête au retrait » au lieu de la préparer pour un envoi.`,
    label: 'Mettre en préparation',
    needsAllCopies: true,
  },
  ship: {
    from: ['preparing'],
    to: 'shipped',
    method: 'home_delivery',
    verb: 'expédier',
    wrongMethod: `${PICKUP} : elle ne s’expédie pas.`,
    label: 'Marquer expédiée',
    needsAllCopies: true,
  },
  deliver: {
    from: ['shipped'],
    to: 'delivered',
    method: 'home_delivery',
    verb: 'marquer livrée',
    wrongMethod: `${PICKUP} : elle ne se livre pas.`,
    label: 'Marquer livrée',
    needsAllCopies: false,
  },
  make_ready: {
    from: ['paid'],
    to: 'ready_for_pickup',
    method: 'shop_pickup',
    verb: 'mettre au retrait',
    wrongMethod: `${DELIVERY} : elle ne se retire pas en librairie.`,
    label: 'Prête au retrait',
    needsAllCopies: true,
  },
  collect: {
    from: ['ready_for_pickup'],
    to: 'collected',
    method: 'shop_pickup',
    verb: 'remettre au client',
    wrongMethod: `${DELIVERY} : elle ne peut pas être retirée en librairie.`,
    label: 'Marquer retirée',
    needsAllCopies: false,
  },
  cancel: {
    from: ['paid', 'preparing', 'ready_for_pickup'],
    to: 'cancelled',
    method: null,
    verb: 'annuler',
    label: 'Annuler la commande',
    needsAllCopies: false,
  },
};

export const STAFF_TRANSITIONS = Object.keys(TRANSITIONS) as StaffTransition[];

const UNPAID = UNPAID_STATUSES;
const LEFT_THE_SHOP: readonly OrderStatus[] = ['shipped', 'delivered', 'collected'];
const CLOSED: readonly OrderStatus[] = ['cancelled', 'refunded'];

export type OrderFacts = {
  status: OrderStatus;
  deliveryMethod: DeliveryMethod;
  /** Backordered copies not yet received nor cancelled. */
  awaitedCopies: number;
  /** Copies still owed to the customer (ordered minus refunded). */
  copiesToHandOver: number;
};

export type TransitionCheck = { ok: true; to: OrderStatus } | { ok: false; code: string; message: string };

const refuse = (code: string, message: string): TransitionCheck => ({ ok: false, code, message });

/** "de préparer", "d’expédier": French elision before a vowel. */
const de = (verb: string) => (/^[aeiouyéèêh]/i.test(verb) ? `d’${verb}` : `de ${verb}`);

/** Whether staff may take this step now, and if not, why (in French). */
export function checkTransition(order: OrderFacts, transition: StaffTransition): TransitionCheck {
  const rule = TRANSITIONS[transition];
  const status = ORDER_STATUS_LABELS[order.status];
  if (UNPAID.includes(order.status)) {
    return refuse('ORDER_NOT_PAID', `Impossible ${de(rule.verb)} une commande non payée (${status}).`);
  }
  if (rule.method && rule.method !== order.deliveryMethod) {
    return refuse('WRONG_DELIVERY_METHOD', rule.wrongMethod ?? `Impossible ${de(rule.verb)} cette commande.`);
  }
  if (order.status === rule.to) return refuse('ALREADY_DONE', `La commande est déjà ${status}.`);
  if (CLOSED.includes(order.status)) {
    return refuse('ORDER_CLOSED', `La commande est ${status} : plus aucune étape n’est possible.`);
  }
  if (transition === 'cancel' && LEFT_THE_SHOP.includes(order.status)) {
    return refuse(
      'ORDER_LEFT_THE_SHOP',
      `La commande est ${status} : elle a quitté la librairie et ne peut plus être annulée. Remboursez-la si besoin.`,
    );
  }
  if (!rule.from.includes(order.status)) {
    const expected = rule.from.map((from) => ORDER_STATUS_LABELS[from]).join(' ou ');
    return refuse(
      'WRONG_STEP',
      `Impossible ${de(rule.verb)} une commande ${status} : elle doit d’abord être ${expected}.`,
    );
  }
  if (rule.needsAllCopies && order.copiesToHandOver === 0) {
    return refuse('NOTHING_TO_HAND_OVER', 'Tous les livres de la commande ont été remboursés : plus rien à remettre.');
  }
  if (rule.needsAllCopies && order.awaitedCopies > 0) {
    return refuse(
      'COPIES_AWAITED',
      `${formatCopies(order.awaitedCopies)} encore attendu${order.awaitedCopies > 1 ? 's' : ''} du distributeur : marquez-les reçus avant ${de(rule.verb)} la commande.`,
    );
  }
  return { ok: true, to: rule.to };
}

/** The steps to offer as buttons on the order page. */
export function availableTransitions(order: OrderFacts): StaffTransition[] {
  return STAFF_TRANSITIONS.filter((transition) => checkTransition(order, transition).ok);
}

/** Backordered copies of a line still awaited from the distributor. */
export function awaitedCopies(line: {
  backorderQuantity: number;
  receivedQuantity: number;
  cancelledBackorderQuantity: number;
}): number {
  return Math.max(line.backorderQuantity - line.receivedQuantity - line.cancelledBackorderQuantity, 0);
}

/** "Marquer reçu": only a paid order waits for the distributor (a closed one no longer does). */
export function checkReceive(
  status: OrderStatus,
  awaited: number,
): { ok: true } | { ok: false; code: string; message: string } {
  if (UNPAID.includes(status)) {
    return { ok: false, code: 'ORDER_NOT_PAID', message: 'La commande n’est pas payée : rien à recevoir pour elle.' };
  }
  if (status !== 'paid') {
    return {
      ok: false,
      code: 'WRONG_STEP',
      message: `La commande est ${ORDER_STATUS_LABELS[status]} : elle n’attend plus d’exemplaire du distributeur.`,
    };
  }
  if (awaited === 0) {
    return {
      ok: false,
      code: 'NOTHING_AWAITED',
      message: 'Aucun exemplaire de ce livre n’est attendu du distributeur.',
    };
  }
  return { ok: true };
}

// Stages: the status as the order desk lists and counts it. A paid order splits in two.
export type OrderStage = Exclude<OrderStatus, 'paid'> | 'to_prepare' | 'awaiting_supplier';

export function orderStage(status: OrderStatus, awaited: number): OrderStage {
  if (status !== 'paid') return status;
  return awaited > 0 ? 'awaiting_supplier' : 'to_prepare';
}

export const STAGE_LABELS: Record<OrderStage, string> = {
  ...(Object.fromEntries(Object.entries(ORDER_STATUS_LABELS).filter(([status]) => status !== 'paid')) as Record<
    Exclude<OrderStatus, 'paid'>,
    string
  >),
  to_prepare: 'à préparer',
  awaiting_supplier: 'en attente du distributeur',
};

/** The stages counted at the top of the orders list, in the order of the work. */
export const ACTIVE_STAGES: readonly OrderStage[] = [
  'to_prepare',
  'awaiting_supplier',
  'preparing',
  'ready_for_pickup',
  'shipped',
  'pending_payment',
];
