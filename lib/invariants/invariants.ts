// What must always hold in the shop's data, checked by the invariant check (/admin/etat,
// lib/data/watch/invariants.ts): each rule's code, what staff read, and why it must hold. A
// violation is listed with the book, order, refund, e-mail or invoice series it concerns, for a
// person to look at: the check never fixes anything itself. What the database itself refuses is
// not checked here: held copies beyond those on hand, a line whose copies from the shelf and from
// the distributor do not add up (CHECK constraints of migration 20261129154017_cart_orders_holds). Pure.

export const INVARIANT_CODES = [
  'stock_ledger',
  'stock_held',
  'order_line_stock',
  'order_invoice',
  'refund_credit_note',
  'invoice_sequence',
  'email_stuck',
  'front_cache_purge',
] as const;

export type InvariantCode = (typeof INVARIANT_CODES)[number];

export type InvariantRule = { title: string; why: string };

export const INVARIANT_RULES: Record<InvariantCode, InvariantRule> = {
  stock_ledger: {
    title: 'Exemplaires en rayon = somme du registre des mouvements',
    why: 'Le stock d’un livre ne bouge que par un mouvement de stock écrit dans la même transaction (docs/decisions/012-stock-desk-receiving-and-ledger.md).',
  },
  stock_held: {
    title: 'Exemplaires réservés = réservations en cours',
    why: 'Chaque réservation d’un lecteur sur la page de paiement compte dans StockLevel.held, et en sort à son paiement ou à son expiration (docs/decisions/006-stock-holds-and-payment-events.md).',
  },
  order_line_stock: {
    title: 'Chaque commande payée a ses sorties de stock',
    why: 'Les exemplaires pris en rayon à la vente et ceux reçus pour la commande sortent du registre (SALE, ORDER_ALLOCATION) ; sinon le stock compte des livres déjà vendus.',
  },
  order_invoice: {
    title: 'Chaque commande payée a sa facture',
    why: 'La facture est émise dans la transaction du paiement, à son numéro dans la suite (docs/decisions/017-invoices.md ; CGI art. 242 nonies A, 7°).',
  },
  refund_credit_note: {
    title: 'Chaque remboursement d’une commande facturée a son avoir',
    why: 'Une facture émise ne se corrige que par un avoir qui y renvoie (BOI-TVA-DECLA-30-20-20).',
  },
  invoice_sequence: {
    title: 'Numéros de facture et d’avoir : une suite sans trou ni doublon',
    why: 'Un numéro unique, d’une séquence chronologique et continue (CGI art. 242 nonies A, 7°).',
  },
  email_stuck: {
    title: 'Aucun courriel bloqué après toutes ses tentatives',
    why: 'La confirmation de commande est due sur un support durable (Code de la consommation, art. L221-13) ; un courriel en échec attend un « Renvoyer » à /admin/emails.',
  },
  front_cache_purge: {
    title: 'Aucune purge du cache de façade en retard de plus d’une minute',
    why: 'Une page en cache ne doit jamais montrer un prix ou une disponibilité périmés (docs/decisions/014-front-cache.md).',
  },
};

/** What a violation concerns, with what staff need to find it. */
export type ViolationSubject =
  | { kind: 'book'; ean: string; title: string }
  | { kind: 'order'; reference: string }
  | { kind: 'refund'; id: number; orderReference: string }
  /** `about`: what the e-mail is about, as staff read it ("commande LF-7K3P9QXW"). */
  | { kind: 'email'; id: number; about: string; status: 'pending' | 'failed' }
  | { kind: 'invoice_series'; series: string; year: number }
  | { kind: 'front_cache_tag'; tag: string };

export type Violation = {
  invariant: InvariantCode;
  subject: ViolationSubject;
  /** What the rule expects and what the data says, in French, e.g. "registre : 4 ; en rayon : 5". */
  detail: string;
};

/** Violations kept per rule in a check's record: enough to act on; every one is counted. */
export const VIOLATIONS_KEPT_PER_RULE = 50;

export type CheckSummary = {
  counts: Record<InvariantCode, number>;
  violationCount: number;
  /** At most VIOLATIONS_KEPT_PER_RULE of each rule, in the order found. */
  kept: Violation[];
};

/**
 * Counts and keeps the violations found. `unlisted`: violations a check counted without reading
 * each one (a rule whose rows may number in the thousands reads only the oldest).
 */
export function summarizeViolations(
  violations: readonly Violation[],
  unlisted: Partial<Record<InvariantCode, number>> = {},
): CheckSummary {
  const counts = Object.fromEntries(INVARIANT_CODES.map((code) => [code, unlisted[code] ?? 0])) as Record<
    InvariantCode,
    number
  >;
  const kept: Violation[] = [];
  const keptPerRule = new Map<InvariantCode, number>();
  for (const violation of violations) {
    counts[violation.invariant] += 1;
    const keptSoFar = keptPerRule.get(violation.invariant) ?? 0;
    if (keptSoFar < VIOLATIONS_KEPT_PER_RULE) {
      kept.push(violation);
      keptPerRule.set(violation.invariant, keptSoFar + 1);
    }
  }
  const violationCount = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { counts, violationCount, kept };
}

/** How staff read a violation's subject. */
export function subjectLabel(subject: ViolationSubject): string {
  switch (subject.kind) {
    case 'book':
      return `« ${subject.title} » (EAN ${subject.ean})`;
    case 'order':
      return `Commande ${subject.reference}`;
    case 'refund':
      return `Remboursement n° ${subject.id} de la commande ${subject.orderReference}`;
    case 'email':
      return `Courriel n° ${subject.id} (${subject.about})`;
    case 'invoice_series':
      return `Série ${subject.series} de ${subject.year}`;
    case 'front_cache_tag':
      return `Étiquette de cache « ${subject.tag} »`;
  }
}

/** The back-office page where staff act on the subject. */
export function subjectHref(subject: ViolationSubject): string {
  switch (subject.kind) {
    case 'book':
      return `/admin/stock/${subject.ean}`;
    case 'order':
      return `/admin/commandes/${subject.reference}`;
    case 'refund':
      return `/admin/commandes/${subject.orderReference}`;
    case 'email':
      return subject.status === 'failed' ? '/admin/emails?etat=en-echec' : '/admin/emails?etat=en-attente';
    case 'invoice_series':
      return '/admin/commandes';
    case 'front_cache_tag':
      return '/admin/reglages';
  }
}
