// An order priced by lib/pricing from real figures, as the e-mail tests render it. Test support only.
import { priceOrder } from '@/lib/pricing';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { emailOrderOf, type OrderSnapshotInput } from './order-snapshot';
import type { EmailOrder } from './payload';
import type { ShopIdentity } from '@/lib/shop/shop-identity';

/** A shop whose settings differ from the defaults (lib/shop/settings.ts): the e-mails show what they are given. */
export const TEST_SHOP: ShopIdentity = {
  name: 'Librairie des Facultés',
  legalName: 'Librairie des Facultés SAS',
  addressLine1: '2 place de la Sorbonne',
  addressLine2: null,
  postalCode: '75005',
  city: 'Paris',
  email: 'contact@librairie-des-facultes.example',
  phone: '01 43 25 00 00',
  siret: '90123456700012',
  vatNumber: 'FR12901234567',
  mediatorName: 'Médiateur du livre',
  mediatorUrl: 'https://www.mediateurdulivre.fr',
};

/** Two books at their publisher's price, one of them ordered from the distributor, home delivery. */
export function pricedTestOrder(overrides: Partial<OrderSnapshotInput> = {}): EmailOrder {
  const priced = priceOrder(
    {
      customerKind: 'individual',
      deliveryMethod: 'home_delivery',
      lines: [
        {
          ean: '9782296013681',
          title: 'La coopération dans l’action publique',
          condition: 'new',
          publisherPriceCents: 2900,
          vatRateBasisPoints: 550,
          quantity: 1,
        },
        {
          ean: '9782130835219',
          title: 'Droit administratif',
          condition: 'new',
          publisherPriceCents: 1550,
          vatRateBasisPoints: 550,
          quantity: 2,
        },
      ],
    },
    { shippingTable: DEFAULT_SHOP_SETTINGS.shippingTable },
  );
  if (!priced.ok) throw new Error(priced.message);
  const { order } = priced;
  return emailOrderOf(
    {
      reference: 'LF-7K3P9QXW',
      fullName: 'Camille Martin',
      email: 'camille.martin@exemple.fr',
      deliveryMethod: 'home_delivery',
      createdAt: new Date('2026-12-01T09:30:00Z'),
      paidAt: new Date('2026-12-01T09:32:00Z'),
      addressLine1: '12 rue Soufflot',
      addressLine2: null,
      postalCode: '75005',
      city: 'Paris',
      goodsCents: order.totals.goodsCents,
      shippingCents: order.totals.shippingCents,
      totalCents: order.totals.totalInclVatCents,
      deliveryEarliestOn: new Date('2026-12-08T00:00:00Z'),
      deliveryLatestOn: new Date('2026-12-15T00:00:00Z'),
      pricing: order,
      lines: order.lines.map((line, index) => ({
        title: line.title,
        ean: line.ean,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        lineTotalCents: line.lineTotalCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        backorderQuantity: index === 1 ? 2 : 0,
        shipWithinMinDays: index === 1 ? 3 : 0,
        shipWithinMaxDays: index === 1 ? 8 : 1,
      })),
      ...overrides,
    },
    DEFAULT_SHOP_SETTINGS.orderCutoffHour,
  );
}

/** The text a reader sees in the HTML, tags removed and entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ');
}
