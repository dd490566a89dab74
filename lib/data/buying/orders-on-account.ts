import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { toDateOnly } from '@/lib/availability';
import { orderWindowOfPlans } from '@/lib/orders/delivery-plan';
import { newOrderReference } from '@/lib/orders/reference';
import { priceOrder, type DeliveryMethod, type PricedOrder, type ShippingTable } from '@/lib/pricing';
import {
  organisationDiscountLabel,
  organisationOrderInput,
  type OrganisationBookLine,
  type OrganisationTerms,
} from '@/lib/pricing/organisation-order';
import { SHOP } from '@/lib/shop/config';
import { failure, type Result } from '@/lib/core/result';
import type { OnAccountForm } from '@/lib/validation/orders-on-account';
import { CART_BOOK_SELECT, orderTooLarge } from './cart';
import { lockAndReplaceUnpaidOrders, orderLinesOf, planCartLines } from './checkout';
import { insertOrderWithHolds } from './checkout-statements';
import { confirmOrder } from './payments';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { Rejection, transact, type Tx } from '@/lib/data/platform/transactions';

// Orders on account (docs/decisions/027-orders-on-account.md): a signed-in reader whose e-mail is
// a buyer of a customer organisation (OrganisationMember) orders for it without a card. Prices
// come from the database and lib/pricing (the organisation's discount, capped by the law), never
// from the browser. The order is written with its holds as a checkout writes them, then confirmed
// in the same transaction as a payment confirms an order (confirmOrder): it enters the order desk
// « à préparer », unpaid, and is invoiced at dispatch.

export const ORGANISATION_SELECT = {
  id: true,
  name: true,
  kind: true,
  discountBasisPoints: true,
  schoolbookDiscountBasisPoints: true,
  engagementNumberRequired: true,
  paymentTermDays: true,
  billingLine1: true,
  billingLine2: true,
  billingPostalCode: true,
  billingCity: true,
  deliveryLine1: true,
  deliveryLine2: true,
  deliveryPostalCode: true,
  deliveryCity: true,
} satisfies Prisma.CustomerOrganisationSelect;

export type BuyerOrganisation = Prisma.CustomerOrganisationGetPayload<{ select: typeof ORGANISATION_SELECT }>;

export const termsOf = (organisation: BuyerOrganisation): OrganisationTerms => ({
  kind: organisation.kind,
  discounts: {
    discountBasisPoints: organisation.discountBasisPoints,
    schoolbookDiscountBasisPoints: organisation.schoolbookDiscountBasisPoints,
  },
});

/** Where the parcel goes: the organisation's delivery address, else its billing address. */
function deliveryAddressOf(organisation: BuyerOrganisation) {
  return organisation.deliveryLine1 && organisation.deliveryPostalCode && organisation.deliveryCity
    ? {
        addressLine1: organisation.deliveryLine1,
        addressLine2: organisation.deliveryLine2,
        postalCode: organisation.deliveryPostalCode,
        city: organisation.deliveryCity,
      }
    : {
        addressLine1: organisation.billingLine1,
        addressLine2: organisation.billingLine2,
        postalCode: organisation.billingPostalCode,
        city: organisation.billingCity,
      };
}

export const CART_LINE_SELECT = {
  quantity: true,
  book: { select: { ...CART_BOOK_SELECT, schoolbook: true } },
} satisfies Prisma.CartLineSelect;

export function bookLines(
  lines: {
    quantity: number;
    book: { ean: string; title: string; publisherPriceCents: number; vatRateBasisPoints: number; schoolbook: boolean };
  }[],
): OrganisationBookLine[] {
  return lines.map(({ book, quantity }) => ({
    ean: book.ean,
    title: book.title,
    publisherPriceCents: book.publisherPriceCents,
    vatRateBasisPoints: book.vatRateBasisPoints,
    schoolbook: book.schoolbook,
    quantity,
  }));
}

/** lib/pricing's price of these lines for this organisation; a refusal (a reseller) as a Failure. */
export function priceForOrganisation(
  organisation: BuyerOrganisation,
  lines: OrganisationBookLine[],
  deliveryMethod: DeliveryMethod,
  shippingTable: ShippingTable,
) {
  const input = organisationOrderInput(termsOf(organisation), lines, deliveryMethod);
  if (!input.ok) return input;
  return priceOrder(input.input, { shippingTable });
}

export type OnAccountOffer = {
  organisationId: number;
  name: string;
  discountLabel: string | null;
  engagementNumberRequired: boolean;
  paymentTermDays: number;
  deliveryAddress: string;
  homeDelivery: PricedOrder | null;
  shopPickup: PricedOrder | null;
  /** Why this organisation cannot order on account (a reseller), or null. */
  refusal: string | null;
};

/**
 * For the cart and the checkout of a signed-in reader: each organisation their e-mail buys for,
 * with the cart priced at its terms. Empty for anyone else. Never for a stored page: it depends
 * on who is signed in (docs/decisions/014-front-cache.md).
 */
export async function listOnAccountOffers(email: string, cartId: string | null): Promise<OnAccountOffer[]> {
  const db = getDb();
  const organisations = await db.customerOrganisation.findMany({
    where: { members: { some: { email: email.trim().toLowerCase() } } },
    orderBy: { name: 'asc' },
    select: ORGANISATION_SELECT,
  });
  if (organisations.length === 0 || !cartId) return [];
  const [{ shippingTable }, rows] = await Promise.all([
    getShopSettings(),
    db.cartLine.findMany({ where: { cartId }, orderBy: { addedAt: 'asc' }, select: CART_LINE_SELECT }),
  ]);
  if (rows.length === 0) return [];
  const lines = bookLines(rows);
  return organisations.map((organisation) => {
    const home = priceForOrganisation(organisation, lines, 'home_delivery', shippingTable);
    const pickup = priceForOrganisation(organisation, lines, 'shop_pickup', shippingTable);
    const address = deliveryAddressOf(organisation);
    return {
      organisationId: organisation.id,
      name: organisation.name,
      discountLabel: organisationDiscountLabel(termsOf(organisation)),
      engagementNumberRequired: organisation.engagementNumberRequired,
      paymentTermDays: organisation.paymentTermDays,
      deliveryAddress: [address.addressLine1, address.addressLine2, `${address.postalCode} ${address.city}`]
        .filter(Boolean)
        .join(', '),
      homeDelivery: home.ok ? home.order : null,
      shopPickup: pickup.ok ? pickup.order : null,
      refusal: home.ok ? null : home.message,
    };
  });
}

const NOT_A_BUYER = failure(
  'NOT_A_BUYER',
  'Vous ne pouvez pas commander sur compte pour cette organisation : votre adresse e-mail n’y est pas enregistrée comme acheteur. Contactez la librairie.',
);

/**
 * Places the cart as an order on account for `form.organisationId`, in one transaction: checks
 * that the signed-in reader's e-mail is one of its buyers (read in this transaction, whatever id
 * the form sent), prices every line from the database, holds and sells the copies on hand, plans
 * the rest as backorders, and confirms the order (confirmOrder). Unpaid card orders of the same
 * cart give way, as a new checkout replaces them; their payment pages are returned to close.
 */
export async function placeOrderOnAccount(
  buyer: { email: string },
  cartId: string,
  form: OnAccountForm,
  now: Date,
  clientKey: string,
): Promise<Result<{ reference: string; replacedSessionIds: string[] }>> {
  const { shippingTable, orderCutoffHour } = await getShopSettings();
  return transact(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "id" = ${cartId}::uuid FOR UPDATE`;
    const organisation = await tx.customerOrganisation.findFirst({
      where: { id: form.organisationId, members: { some: { email: buyer.email.trim().toLowerCase() } } },
      select: ORGANISATION_SELECT,
    });
    if (!organisation) throw new Rejection(NOT_A_BUYER);
    checkEngagementNumber(organisation, form);
    const cartLines = await tx.cartLine.findMany({
      where: { cartId },
      orderBy: { bookId: 'asc' },
      select: CART_LINE_SELECT,
    });
    if (cartLines.length === 0) throw new Rejection(failure('EMPTY_CART', 'Votre panier est vide.'));
    if (cartLines.reduce((sum, line) => sum + line.quantity, 0) > SHOP.maxCopiesPerOrder) {
      throw new Rejection(orderTooLarge());
    }
    const unpaid = await tx.order.findMany({ where: { cartId, status: 'pending_payment' }, select: { id: true } });
    const { stock, replacedSessionIds } = await lockAndReplaceUnpaidOrders(
      tx,
      unpaid.map((order) => order.id),
      cartLines.map((line) => line.book.id),
    );
    const plans = planCartLines(cartLines, stock, now);
    const priced = priceForOrganisation(organisation, bookLines(plans), form.deliveryMethod, shippingTable);
    if (!priced.ok) throw new Rejection(priced);
    const { reference } = await writeOrderOnAccount(tx, {
      organisation,
      email: buyer.email,
      cartId,
      form,
      plans,
      pricing: priced.order,
      now,
      orderCutoffHour,
      clientKey,
    });
    return { ok: true as const, reference, replacedSessionIds };
  });
}

/** The organisation asks for a Chorus Pro engagement number on every order: refused without one. */
export function checkEngagementNumber(
  organisation: Pick<BuyerOrganisation, 'name' | 'engagementNumberRequired'>,
  form: { engagementNumber: string | null },
): void {
  if (!organisation.engagementNumberRequired || form.engagementNumber) return;
  const message = `${organisation.name} demande un numéro d’engagement (Chorus Pro) sur chaque commande.`;
  throw new Rejection(failure('ENGAGEMENT_NUMBER_REQUIRED', message, { fieldErrors: { engagementNumber: message } }));
}

/**
 * Writes a planned and priced order on account with its holds, then confirms it as a payment
 * would (confirmOrder 'on_account'), in the caller's transaction, which has locked the books'
 * stock rows (lockStock). The cart's order and an accepted quote's (no cart) both go through it.
 */
export async function writeOrderOnAccount(
  tx: Tx,
  order: {
    organisation: BuyerOrganisation;
    email: string;
    cartId: string | null;
    form: Omit<OnAccountForm, 'organisationId'>;
    plans: ReturnType<typeof planCartLines>;
    pricing: PricedOrder;
    now: Date;
    orderCutoffHour: number;
    clientKey: string;
  },
): Promise<{ orderId: number; reference: string }> {
  const { organisation, form, plans, pricing, now } = order;
  const window = orderWindowOfPlans(plans, form.deliveryMethod, now, order.orderCutoffHour);
  const address = form.deliveryMethod === 'home_delivery' ? deliveryAddressOf(organisation) : null;
  const reference = newOrderReference();
  const orderId = await insertOrderWithHolds(tx, {
    reference,
    cartId: order.cartId,
    email: order.email,
    fullName: form.fullName,
    phone: form.phone,
    addressLine1: address?.addressLine1 ?? null,
    addressLine2: address?.addressLine2 ?? null,
    postalCode: address?.postalCode ?? null,
    city: address?.city ?? null,
    deliveryMethod: form.deliveryMethod,
    goodsCents: pricing.totals.goodsCents,
    shippingCents: pricing.totals.shippingCents,
    totalCents: pricing.totals.totalInclVatCents,
    pricing: pricing as unknown as Prisma.InputJsonValue,
    deliveryEarliestOn: window ? toDateOnly(window.earliest) : null,
    deliveryLatestOn: window ? toDateOnly(window.latest) : null,
    holdExpiresAt: now,
    checkoutFingerprint: createHash('sha256').update(`on-account:${reference}`).digest('hex'),
    clientKey: order.clientKey,
    lines: orderLinesOf(plans, pricing),
    // Sold in this transaction: the holds never outlive it.
    holdsExpireAt: new Date(now.getTime() + SHOP.provisionalHoldMinutes * 60_000),
  });
  await tx.order.update({
    where: { id: orderId },
    data: {
      organisationId: organisation.id,
      customerKind: pricing.customerKind,
      purchaseOrderNumber: form.purchaseOrderNumber,
      engagementNumber: form.engagementNumber,
      paymentTermsDays: organisation.paymentTermDays,
    },
  });
  await confirmOrder(tx, orderId, now, 'on_account');
  return { orderId, reference };
}
