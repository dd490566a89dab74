// The shop's delivery fees in French, for the terms (CGV) and delivery pages.
import { formatPrice } from '@/lib/core/money';
import { LEGAL_NOTE_TEXTS } from './legal';
import { DeliveryMethodSchema, type DeliveryMethod } from './schemas';
import { assertValidShippingTable, type ShippingTable } from './shipping';

export type ShippingTableRow = { range: string; fee: string };
export type ShippingTableSection = { method: DeliveryMethod; label: string; rows: ShippingTableRow[] };
export type ShippingTableDescription = { sections: ShippingTableSection[]; legalNote: string };

function describeRange(fromCents: number, nextFromCents: number | undefined): string {
  if (nextFromCents === undefined) {
    return fromCents === 0 ? 'Toute commande' : `Commande à partir de ${formatPrice(fromCents)}`;
  }
  return fromCents === 0
    ? `Commande inférieure à ${formatPrice(nextFromCents)}`
    : `Commande de ${formatPrice(fromCents)} à moins de ${formatPrice(nextFromCents)}`;
}

export function describeShippingTable(table: ShippingTable): ShippingTableDescription {
  assertValidShippingTable(table);
  return {
    sections: DeliveryMethodSchema.options.map((method) => {
      const config = table[method];
      return {
        method,
        label: config.label,
        rows: config.tiers.map((tier, index) => ({
          range: describeRange(tier.fromGoodsCents, config.tiers[index + 1]?.fromGoodsCents),
          fee: tier.feeCents === 0 ? 'Gratuit' : `${formatPrice(tier.feeCents)} par commande`,
        })),
      };
    }),
    legalNote: LEGAL_NOTE_TEXTS.MIN_SHIPPING_FEE,
  };
}
