import { z } from 'zod';
import type { OrderStage } from '@/lib/orders/workflow';
import { firstValues, type SearchParams } from './search-params';

// Query string of /admin/commandes, in French. Anything malformed falls back to "no filter":
// a hand-edited URL still lists orders.

export const STAGE_URL_VALUES = {
  'a-preparer': 'to_prepare',
  'attente-distributeur': 'awaiting_supplier',
  'en-preparation': 'preparing',
  expediee: 'shipped',
  livree: 'delivered',
  'pret-retrait': 'ready_for_pickup',
  retiree: 'collected',
  'attente-paiement': 'pending_payment',
  'paiement-refuse': 'payment_failed',
  expiree: 'expired',
  remplacee: 'replaced',
  annulee: 'cancelled',
  remboursee: 'refunded',
} as const satisfies Record<string, OrderStage>;

export type StageUrlValue = keyof typeof STAGE_URL_VALUES;

export const STAGE_SLUGS = Object.fromEntries(
  Object.entries(STAGE_URL_VALUES).map(([slug, stage]) => [stage, slug]),
) as Record<OrderStage, StageUrlValue>;

export const PAYMENT_STATES = {
  'non-payee': 'Non payée',
  payee: 'Payée',
  'remboursement-partiel': 'Remboursée en partie',
  remboursee: 'Remboursée en totalité',
} as const;
export type PaymentState = keyof typeof PAYMENT_STATES;

export const DELIVERY_URL_VALUES = { domicile: 'home_delivery', retrait: 'shop_pickup' } as const;

/** Where the order was taken: the website, or the counter (a customer's special order). */
export const ORIGIN_URL_VALUES = { internet: 'online', comptoir: 'counter' } as const;

export const ADMIN_ORDERS_MAX_PAGE = 1000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

const keys = <T extends Record<string, unknown>>(object: T) =>
  Object.keys(object) as [keyof T & string, ...(keyof T & string)[]];

const AdminOrdersQuerySchema = z.object({
  etape: z.enum(keys(STAGE_URL_VALUES)).optional().catch(undefined),
  paiement: z.enum(keys(PAYMENT_STATES)).optional().catch(undefined),
  livraison: z.enum(keys(DELIVERY_URL_VALUES)).optional().catch(undefined),
  du: day.optional().catch(undefined),
  au: day.optional().catch(undefined),
  attention: z.literal('1').optional().catch(undefined),
  origine: z.enum(keys(ORIGIN_URL_VALUES)).optional().catch(undefined),
  /** Ready for pickup for more than UNCOLLECTED_AFTER_DAYS days (lib/orders/pickup.ts). */
  'non-retirees': z.literal('1').optional().catch(undefined),
  /** Withdrawn copies not refunded yet (art. L221-24). */
  retractation: z.literal('1').optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  tri: z.enum(['recentes', 'anciennes']).catch('recentes'),
  page: z.coerce.number().int().min(1).max(ADMIN_ORDERS_MAX_PAGE).catch(1),
});

export type AdminOrdersQuery = z.infer<typeof AdminOrdersQuerySchema>;

export function parseAdminOrdersQuery(params: SearchParams): AdminOrdersQuery {
  return AdminOrdersQuerySchema.parse(firstValues(params));
}

/** The list's URL with some parameters changed; defaults left out. */
export function adminOrdersHref(query: AdminOrdersQuery, changes: Partial<AdminOrdersQuery>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const name of [
    'etape',
    'paiement',
    'livraison',
    'origine',
    'du',
    'au',
    'attention',
    'non-retirees',
    'retractation',
    'q',
  ] as const) {
    const value = next[name];
    if (value) params.set(name, value);
  }
  if (next.tri !== 'recentes') params.set('tri', next.tri);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `/admin/commandes?${search}` : '/admin/commandes';
}
