import { z } from 'zod';
import { MANUAL_ADJUSTMENT_REASONS } from '@/lib/stock/movement-reasons';
import { firstValues, type SearchParams } from './search-params';
import { copies, note, scannedEan } from './stock-desk';

export const STOCK_STATES = {
  suivis: 'En stock ou suivis',
  'en-stock': 'En stock',
  'sous-seuil': 'Sous le seuil de réassort',
  'sans-stock': 'Épuisés (aucun exemplaire disponible)',
  attente: 'Avec des lecteurs en attente',
} as const;

const StockQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  etat: z
    .enum(Object.keys(STOCK_STATES) as [keyof typeof STOCK_STATES, ...(keyof typeof STOCK_STATES)[]])
    .catch('suivis'),
  fournisseur: z.coerce.number().int().min(1).max(2_000_000_000).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/)
    .max(300)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export type StockQuery = z.infer<typeof StockQuerySchema>;

export function parseStockQuery(params: SearchParams): StockQuery {
  return StockQuerySchema.parse(firstValues(params));
}

export function stockQueryString(query: StockQuery, changes: Partial<StockQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.etat !== 'suivis') params.set('etat', next.etat);
  if (next.fournisseur) params.set('fournisseur', String(next.fournisseur));
  if (next.theme) params.set('theme', next.theme);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

// A book's stock page.

export const AdjustStockSchema = z.object({
  ean: scannedEan,
  reason: z.enum(MANUAL_ADJUSTMENT_REASONS, { error: 'Choisissez un motif.' }),
  quantity: copies(),
  note,
});

export const ThresholdSchema = z.object({
  ean: scannedEan,
  threshold: z
    .string({ error: 'Un seuil entre 0 et 999 exemplaires.' })
    .trim()
    .regex(/^\d{1,3}$/, { error: 'Un seuil entre 0 et 999 exemplaires.' })
    .transform(Number),
});
