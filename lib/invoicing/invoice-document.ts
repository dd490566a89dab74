import { z } from 'zod';
import { buildVatBreakdown, extractBaseExclVat } from '@/lib/pricing/vat';
import { registration } from '@/lib/legal/legal-notice';
import type { ShopSettings } from '@/lib/shop/settings';
import { postalAddress } from '@/lib/shop/shop-identity';

// What an invoice or a credit note says, computed once when it is issued and stored frozen
// (Invoice): the mentions of CGI art. 242 nonies A (1° the parties' names and addresses, 2° the
// seller's VAT number, 7° the number, the date, 8° each line's designation and quantity, the price
// excluding VAT, 9° the VAT rate and amount per rate, the totals) and of C. com. L441-9 and R123-237
// (legal form, capital, RCS). Money in integer cents. Pure.

export const SellerSnapshotSchema = z.object({
  legalName: z.string(),
  legalForm: z.string(),
  shareCapitalCents: z.number().int().nullable(),
  address: z.string(),
  siret: z.string(),
  registration: z.string(),
  vatNumber: z.string(),
  email: z.string(),
  phone: z.string(),
});
export type SellerSnapshot = z.infer<typeof SellerSnapshotSchema>;

export const BuyerSnapshotSchema = z.object({
  name: z.string(),
  addressLines: z.array(z.string()),
  /** A customer organisation (C. com. L441-9: the buyer's SIREN and VAT number between businesses). */
  siret: z.string().optional(),
  vatNumber: z.string().nullable().optional(),
  /** A public buyer invoiced through Chorus Pro (Code de la commande publique L2192-1 ff.). */
  publicBuyer: z.boolean().optional(),
  /** Its Chorus Pro « code service », carried by the e-invoice's buyer reference (BT-10). */
  chorusServiceCode: z.string().nullable().optional(),
});
export type BuyerSnapshot = z.infer<typeof BuyerSnapshotSchema>;

export const InvoiceLineSchema = z.object({
  designation: z.string(),
  quantity: z.number().int(),
  unitPriceInclVatCents: z.number().int().nullable(),
  vatRateBasisPoints: z.number().int(),
  totalExclVatCents: z.number().int(),
  totalInclVatCents: z.number().int(),
  /** A line sold at a discount (an organisation's): the publisher's price and the discount per copy. */
  discount: z
    .object({
      publisherPriceCents: z.number().int(),
      basisPoints: z.number().int(),
      unitDiscountCents: z.number().int(),
    })
    .optional(),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

export const VatRowSchema = z.object({
  rateBasisPoints: z.number().int(),
  baseExclVatCents: z.number().int(),
  vatCents: z.number().int(),
  inclVatCents: z.number().int(),
});
export type VatRow = z.infer<typeof VatRowSchema>;

/** The seller as it is at the sale, kept with the invoice: settings changed afterwards leave it as it was. */
export function sellerSnapshot(shop: ShopSettings): SellerSnapshot {
  return {
    legalName: shop.legalName,
    legalForm: shop.legalForm,
    shareCapitalCents: shop.shareCapitalCents,
    address: postalAddress(shop),
    siret: shop.siret,
    registration: registration(shop),
    vatNumber: shop.vatNumber,
    email: shop.email,
    phone: shop.phone,
  };
}

/** "F2026-000123": the series, the year, the place in that year's sequence. */
export function invoiceNumber(series: 'F' | 'A', year: number, sequence: number): string {
  return `${series}${year}-${String(sequence).padStart(6, '0')}`;
}

export type SoldLine = {
  title: string;
  ean: string;
  quantity: number;
  /** Null on a credit note's line: the amount refunded need not be quantity × price. */
  unitPriceCents: number | null;
  lineTotalCents: number;
  vatRateBasisPoints: number;
  discount?: InvoiceLine['discount'];
};

/**
 * The lines, the delivery line and the VAT per rate. The delivery fee (and a credit note's free
 * amount) is split across the goods' rates in proportion to their bases (lib/pricing/vat.ts).
 */
export function invoiceBody(lines: SoldLine[], shippingCents: number, shippingLabel: string) {
  const goodsByRate = new Map<number, number>();
  for (const line of lines)
    goodsByRate.set(line.vatRateBasisPoints, (goodsByRate.get(line.vatRateBasisPoints) ?? 0) + line.lineTotalCents);
  const breakdown = buildVatBreakdown(goodsByRate, shippingCents);
  const invoiceLines: InvoiceLine[] = lines.map((line) => ({
    designation: `${line.title} (EAN ${line.ean})`,
    quantity: line.quantity,
    unitPriceInclVatCents: line.unitPriceCents,
    vatRateBasisPoints: line.vatRateBasisPoints,
    totalExclVatCents: extractBaseExclVat(line.lineTotalCents, line.vatRateBasisPoints),
    totalInclVatCents: line.lineTotalCents,
    ...(line.discount && { discount: line.discount }),
  }));
  for (const row of breakdown) {
    if (row.shippingInclVatCents === 0) continue;
    invoiceLines.push({
      designation:
        breakdown.length > 1 ? `${shippingLabel} (part au taux de ${row.rateBasisPoints / 100} %)` : shippingLabel,
      quantity: 1,
      unitPriceInclVatCents: row.shippingInclVatCents,
      vatRateBasisPoints: row.rateBasisPoints,
      totalExclVatCents: extractBaseExclVat(row.shippingInclVatCents, row.rateBasisPoints),
      totalInclVatCents: row.shippingInclVatCents,
    });
  }
  const vat: VatRow[] = breakdown.map(({ rateBasisPoints, baseExclVatCents, vatCents, inclVatCents }) => ({
    rateBasisPoints,
    baseExclVatCents,
    vatCents,
    inclVatCents,
  }));
  const totalCents = vat.reduce((sum, row) => sum + row.inclVatCents, 0);
  return { lines: invoiceLines, vat, totalCents };
}
