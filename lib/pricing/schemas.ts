// Input schemas for pricing. Messages are French because staff and customers read them.
import { z } from 'zod';
import { BASIS_POINTS_PER_UNIT, SUPPORTED_VAT_RATES_BASIS_POINTS } from './legal';

// Upper bounds are sanity limits against typos (a price typed in euros × 100 twice), not
// business rules: 100 000 € per book, 9 999 copies per line, 500 lines.
const MAX_PRICE_CENTS = 10_000_000;
const MAX_QUANTITY = 9_999;
const MAX_LINES = 500;

const QUANTITY_MESSAGE = `La quantité doit être un nombre entier compris entre 1 et ${MAX_QUANTITY}.`;
const DISCOUNT_MESSAGE = 'La remise doit être un nombre entier de points de base, entre 0 (0 %) et 10 000 (100 %).';
const PRICE_MESSAGE = 'Le prix doit être un nombre entier de centimes, positif ou nul.';
const VAT_MESSAGE = `Taux de TVA non pris en charge : indiquez-le en points de base (${SUPPORTED_VAT_RATES_BASIS_POINTS.join(', ')} ; 550 = 5,5 %).`;

const priceCents = z
  .number({ error: PRICE_MESSAGE })
  .int({ error: PRICE_MESSAGE })
  .min(0, { error: PRICE_MESSAGE })
  .max(MAX_PRICE_CENTS, { error: `Le prix ne peut dépasser ${MAX_PRICE_CENTS} centimes.` });

const discountBasisPoints = z
  .number({ error: DISCOUNT_MESSAGE })
  .int({ error: DISCOUNT_MESSAGE })
  .min(0, { error: DISCOUNT_MESSAGE })
  .max(BASIS_POINTS_PER_UNIT, { error: DISCOUNT_MESSAGE });

export const CustomerKindSchema = z.enum(['individual', 'state', 'local_authority', 'school', 'library'], {
  error: 'Type de client inconnu.',
});
export const DeliveryMethodSchema = z.enum(['home_delivery', 'shop_pickup'], {
  error: 'Mode de livraison inconnu.',
});

export const OrderLineInputSchema = z
  .object({
    ean: z.string({ error: 'L’EAN est obligatoire.' }).trim().min(1, { error: 'L’EAN est obligatoire.' }).max(32),
    title: z.string({ error: 'Le titre est obligatoire.' }).trim().min(1, { error: 'Le titre est obligatoire.' }),
    /** 'book' by default; 'other' is anything outside the book price law (tote bag, gift card). */
    product: z.enum(['book', 'other'], { error: 'Type de produit inconnu.' }).default('book'),
    condition: z.enum(['new', 'used'], { error: 'L’état doit être « new » ou « used ».' }),
    /** Publisher's price incl. VAT: required for new books, the only price they may have. */
    publisherPriceCents: priceCents.optional(),
    /** Shop's price incl. VAT: required for used books and other products. */
    unitPriceCents: priceCents.optional(),
    vatRateBasisPoints: z
      .number({ error: VAT_MESSAGE })
      .refine((rate) => SUPPORTED_VAT_RATES_BASIS_POINTS.some((supported) => supported === rate), {
        error: VAT_MESSAGE,
      }),
    quantity: z
      .number({ error: QUANTITY_MESSAGE })
      .int({ error: QUANTITY_MESSAGE })
      .min(1, { error: QUANTITY_MESSAGE })
      .max(MAX_QUANTITY, { error: QUANTITY_MESSAGE }),
    /** Requested discount on this line; overrides the order's shop-wide discount. */
    discountBasisPoints: discountBasisPoints.optional(),
    /**
     * A schoolbook bought by the State, a local authority or a teaching establishment for its own
     * needs: its price is free (loi n° 81-766, art. 3, last paragraph). Set by the server from the
     * organisation's kind (lib/pricing/organisation-order.ts), never by a buyer.
     */
    freeSchoolbook: z.boolean().default(false),
  })
  .transform((line, ctx) => {
    const fixedPrice = line.product === 'book' && line.condition === 'new';
    if (fixedPrice && line.unitPriceCents !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['unitPriceCents'],
        params: { code: 'PRICE_NOT_ALLOWED' },
        message: `« ${line.title} » : un livre neuf se vend au prix fixé par l’éditeur (publisherPriceCents), pas à un prix libre.`,
      });
      return z.NEVER;
    }
    const referencePriceCents = fixedPrice ? line.publisherPriceCents : line.unitPriceCents;
    if (referencePriceCents === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [fixedPrice ? 'publisherPriceCents' : 'unitPriceCents'],
        params: { code: 'MISSING_PRICE' },
        message: fixedPrice
          ? `« ${line.title} » : le prix fixé par l’éditeur est obligatoire pour un livre neuf.`
          : `« ${line.title} » : le prix de vente est obligatoire pour un livre d’occasion ou un autre produit.`,
      });
      return z.NEVER;
    }
    return {
      ean: line.ean,
      title: line.title,
      product: line.product,
      condition: line.condition,
      /** True for new books: prix unique du livre (loi n° 81-766, art. 1). */
      fixedPrice,
      /** Price before discount incl. VAT: the publisher's price for new books, the shop's otherwise. */
      referencePriceCents,
      vatRateBasisPoints: line.vatRateBasisPoints,
      quantity: line.quantity,
      discountBasisPoints: line.discountBasisPoints,
      freeSchoolbook: line.freeSchoolbook,
    };
  });

export const OrderInputSchema = z.object({
  lines: z
    .array(OrderLineInputSchema, { error: 'La commande doit contenir des lignes.' })
    .min(1, { error: 'La commande ne contient aucun article.' })
    .max(MAX_LINES, { error: `Une commande ne peut dépasser ${MAX_LINES} lignes.` }),
  customerKind: CustomerKindSchema,
  deliveryMethod: DeliveryMethodSchema,
  /** Discount requested for every line that has none of its own. */
  shopDiscountBasisPoints: discountBasisPoints.optional(),
});

export type OrderInput = z.input<typeof OrderInputSchema>;
export type OrderLineInput = z.input<typeof OrderLineInputSchema>;
export type ParsedOrder = z.output<typeof OrderInputSchema>;
export type ParsedLine = z.output<typeof OrderLineInputSchema>;
export type CustomerKind = z.infer<typeof CustomerKindSchema>;
export type DeliveryMethod = z.infer<typeof DeliveryMethodSchema>;
