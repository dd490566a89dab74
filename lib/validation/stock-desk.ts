import { z } from 'zod';
import { dayField } from './day-field';
import { MANUAL_ADJUSTMENT_REASONS } from '@/lib/stock/movement-reasons';
import { parseDiscountPercent } from '@/lib/stock/purchase-cost';
import { readScannedCode } from '@/lib/stock/scanned-code';
import { MAX_COUNTED_COPIES } from '@/lib/stock/count-csv';
import { firstValues, type SearchParams } from './catalog-query';
import { plainText } from '@/lib/core/plain-text';
import { idField } from './staff';

// Forms and query strings of the stock desk (/admin/stock, receptions, commandes-fournisseurs,
// retours, inventaire, commandes clients). Messages are French and shown next to each field;
// anything a form never sends (a line number out of range, a negative quantity) is refused.

/** Copies on one line of a delivery, a purchase order, a return or an adjustment. */
export const MAX_COPIES_PER_LINE = 9_999;
/** Lines of one delivery or purchase order: a large parcel, far below what a request may carry. */
export const MAX_DOCUMENT_LINES = 500;

const copies = (message = `Un nombre d’exemplaires entre 1 et ${MAX_COPIES_PER_LINE}.`, min = 1) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, { error: message })
    .transform(Number)
    .refine((n) => n >= min, { error: message });

/** An EAN as scanned or typed, checked with its check digit (lib/stock/scanned-code.ts). */
export const scannedEan = z
  .string({ error: 'Scannez ou tapez un EAN.' })
  .max(64, { error: 'Ce n’est pas un EAN de livre.' })
  .transform((value, ctx) => {
    const code = readScannedCode(value);
    if (code.ok) return code.ean;
    ctx.addIssue({ code: 'custom', message: code.message });
    return z.NEVER;
  });

const discount = z.string({ error: 'Remise en pourcentage, par exemple 35 ou 33,5.' }).transform((value, ctx) => {
  const basisPoints = parseDiscountPercent(value);
  if (basisPoints !== null) return basisPoints;
  ctx.addIssue({ code: 'custom', message: 'Remise en pourcentage entre 0 et 100, par exemple 35 ou 33,5.' });
  return z.NEVER;
});

const version = z
  .string({ error: 'La page a changé : rechargez-la.' })
  .regex(/^\d{1,9}$/, { error: 'La page a changé : rechargez-la.' })
  .transform(Number);

const note = plainText(500)
  .optional()
  .transform((value) => value || null);

// The query string of /admin/stock.

export const STOCK_STATES = {
  suivis: 'En stock ou suivis',
  'en-stock': 'En stock',
  'sous-seuil': 'Sous le seuil de réassort',
  'sans-stock': 'Épuisés (aucun exemplaire disponible)',
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

// Receiving a delivery.

export const LookupSchema = z.object({ ean: scannedEan });

const DeliveryLineSchema = z.object({
  ean: scannedEan,
  quantity: copies(),
  discountBasisPoints: discount,
  terms: z.enum(['firm', 'on_approval'], { error: 'Choisissez ferme ou office.' }),
});

export const DeliverySchema = z
  .object({
    supplierId: idField('Choisissez le distributeur.'),
    noteNumber: plainText(40, 'Indiquez le numéro du bon de livraison ou de la facture.'),
    purchaseOrderId: idField('Commande fournisseur inconnue.').optional(),
    purchaseOrderVersion: version.optional(),
    lines: z
      .array(DeliveryLineSchema)
      .min(1, { error: 'Scannez au moins un livre avant de valider.' })
      .max(MAX_DOCUMENT_LINES, { error: `${MAX_DOCUMENT_LINES} lignes au plus par réception.` }),
  })
  .transform(({ purchaseOrderId, purchaseOrderVersion, ...form }, ctx) => {
    if (purchaseOrderId !== undefined && purchaseOrderVersion === undefined) {
      ctx.addIssue({ code: 'custom', message: 'La page a changé : rechargez-la.' });
      return z.NEVER;
    }
    return {
      ...form,
      purchaseOrder:
        purchaseOrderId === undefined ? null : { id: purchaseOrderId, version: purchaseOrderVersion as number },
    };
  });

/**
 * Fields "line-<n>-ean", "line-<n>-qty", "line-<n>-remise", "line-<n>-conditions" gathered into
 * lines, in the order of n. A line number the screen never makes is refused as a line without
 * its fields.
 */
export function deliveryFormValues(fields: Record<string, string>) {
  const lines = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(fields)) {
    const match = /^line-(\d{1,3})-(ean|qty|remise|conditions)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const line = lines.get(index) ?? {};
    line[match[2]!] = value;
    lines.set(index, line);
  }
  return {
    supplierId: fields.supplierId,
    noteNumber: fields.noteNumber,
    purchaseOrderId: fields.purchaseOrderId || undefined,
    purchaseOrderVersion: fields.purchaseOrderVersion || undefined,
    lines: [...lines.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, line]) => ({
        ean: line.ean,
        quantity: line.qty,
        discountBasisPoints: line.remise,
        terms: line.conditions,
      })),
  };
}

// Purchase orders.

/** Fields "<prefix><id>" → [{ id, quantity }] (quantities 0 to MAX_COPIES_PER_LINE). */
export function quantityFields(fields: Record<string, string>, prefix: string) {
  const lines: { id: number; quantity: string }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const match = new RegExp(`^${prefix}(\\d{1,9})$`).exec(key);
    if (match) lines.push({ id: Number(match[1]), quantity: value });
  }
  return lines;
}

const quantityLines = z
  .array(z.object({ id: z.number().int().positive(), quantity: copies(undefined, 0) }))
  .min(1, { error: 'Aucune ligne.' })
  .max(MAX_DOCUMENT_LINES, { error: `${MAX_DOCUMENT_LINES} lignes au plus.` });

export const CreatePurchaseOrderSchema = z.object({
  supplierId: idField('Distributeur inconnu.'),
  lines: quantityLines,
});

export const UpdatePurchaseOrderSchema = z.object({
  purchaseOrderId: idField('Commande fournisseur inconnue.'),
  version,
  lines: quantityLines,
});

const isoDay = dayField('Indiquez la date d’envoi.');

export const SendPurchaseOrderSchema = z.object({
  purchaseOrderId: idField('Commande fournisseur inconnue.'),
  version,
  sentOn: isoDay.refine((date) => Math.abs(date.getTime() - Date.now()) < 366 * 86_400_000, {
    error: 'La date d’envoi doit tomber dans l’année.',
  }),
});

export const PurchaseOrderRefSchema = z.object({ purchaseOrderId: idField('Commande fournisseur inconnue.'), version });

// Returns to distributors.

export const SupplierReturnSchema = z.object({
  supplierId: idField('Distributeur inconnu.'),
  authorizationNumber: plainText(40)
    .optional()
    .transform((value) => value || null),
  lines: quantityLines,
});

// Inventory counts.

export const STOCK_COUNT_SCOPES = ['counted_books', 'whole_shop'] as const;

export const StartCountSchema = z.object({
  label: plainText(120, 'Donnez un nom à l’inventaire (par exemple « Rayon droit, décembre »).'),
  scope: z.enum(STOCK_COUNT_SCOPES, { error: 'Choisissez le type d’inventaire.' }),
});

export const CountEntrySchema = z.object({
  stockCountId: idField('Inventaire inconnu.'),
  ean: scannedEan,
  quantity: z
    .string({ error: `Un nombre d’exemplaires entre 0 et ${MAX_COUNTED_COPIES}.` })
    .trim()
    .regex(/^\d{1,5}$/, { error: `Un nombre d’exemplaires entre 0 et ${MAX_COUNTED_COPIES}.` })
    .transform(Number),
  mode: z.enum(['add', 'set'], { error: 'Action inconnue.' }),
});

export const StockCountRefSchema = z.object({ stockCountId: idField('Inventaire inconnu.') });

export const ValidateCountSchema = z.object({
  stockCountId: idField('Inventaire inconnu.'),
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer les ajustements.' }),
});

// Special orders at the counter.

const PHONE = /^(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}$/;

export const CounterOrderSchema = z
  .object({
    ean: scannedEan,
    quantity: copies(`Entre 1 et 30 exemplaires.`).refine((n) => n <= 30, { error: 'Entre 1 et 30 exemplaires.' }),
    fullName: plainText(100, 'Indiquez le nom du client.'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: 'Adresse e-mail trop longue.' })
      .optional()
      .transform((value) => value || null)
      .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }).nullable()),
    phone: z
      .string()
      .trim()
      .max(30, { error: 'Numéro de téléphone invalide.' })
      .optional()
      .transform((value) => value || null)
      .pipe(
        z
          .string()
          .regex(PHONE, { error: 'Numéro de téléphone français invalide (exemple : 06 12 34 56 78).' })
          .nullable(),
      ),
    payment: z.enum(['at_pickup', 'paid'], { error: 'Indiquez si le client a déjà réglé.' }),
    note,
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone)
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Indiquez un e-mail ou un téléphone pour prévenir le client.',
      });
  });

export type CounterOrderForm = z.infer<typeof CounterOrderSchema>;
