// An order placed on account for a customer organisation, priced by priceOrder like every order:
// each line's discount comes from organisationUnitPrice (the negotiated discount, capped by the
// law for this buyer and this book), and the organisation's kind decides which of priceOrder's
// customer kinds applies, hence the delivery rules. Pure.
//
// Delivery: the art. 3 buyers (loi n° 81-766, art. 3) are outside art. 1's fourth paragraph, so no
// minimum delivery fee (arrêté du 4 avril 2023) and the discount stays on the books (réponse
// ministérielle, Sénat, question n° 11276, JO 11/07/2024; lib/pricing/shipping.ts). A company or a
// law firm buys under art. 1 like anyone: the minimum fee applies and, shipped, the discount goes
// to the delivery fee (loi n° 2014-779).
import { failure, type Failure } from '@/lib/core/result';
import { formatRate } from '@/lib/core/rate';
import {
  organisationDiscountCap,
  organisationUnitPrice,
  type OrganisationDiscounts,
  type OrganisationKind,
} from './organisation-pricing';
import type { CustomerKind, DeliveryMethod, OrderInput } from './schemas';

/**
 * priceOrder's customer kinds are the art. 3 buyers and everyone else ('individual'). The law's
 * one list « établissements d'enseignement, de formation professionnelle ou de recherche,
 * syndicats représentatifs, comités d'entreprise » is priceOrder's 'school': they have the same
 * ceiling (9 %) and the same delivery rules. A reseller has none: null (not on account yet).
 */
const CUSTOMER_KIND: Record<OrganisationKind, CustomerKind | null> = {
  library: 'library',
  state: 'state',
  local_authority: 'local_authority',
  teaching_establishment: 'school',
  training_or_research_establishment: 'school',
  trade_union: 'school',
  works_council: 'school',
  company: 'individual',
  reseller: null,
};

export function customerKindOfOrganisation(kind: OrganisationKind): CustomerKind | null {
  return CUSTOMER_KIND[kind];
}

export type OrganisationTerms = { kind: OrganisationKind; discounts: OrganisationDiscounts };

export type OrganisationBookLine = {
  ean: string;
  title: string;
  /** Book.publisherPriceCents on the day of sale. */
  publisherPriceCents: number;
  vatRateBasisPoints: number;
  /** Book.schoolbook. */
  schoolbook: boolean;
  quantity: number;
};

const RESELLER_NOT_ON_ACCOUNT = failure(
  'RESELLER_NOT_ON_ACCOUNT',
  'Les commandes sur compte ne sont pas encore ouvertes aux libraires revendeurs : contactez la librairie.',
);

/** priceOrder's customer kind for an order on account, or the refusal of a reseller. */
export function onAccountCustomerKind(
  kind: OrganisationKind,
): { ok: true; customerKind: CustomerKind } | Failure<'RESELLER_NOT_ON_ACCOUNT'> {
  const customerKind = customerKindOfOrganisation(kind);
  return customerKind === null ? RESELLER_NOT_ON_ACCOUNT : { ok: true, customerKind };
}

/**
 * One line of an order on account for priceOrder: the discount asked, capped by the law for this
 * organisation and this book (organisationDiscountCap); a schoolbook for the State, a local
 * authority or a teaching establishment at its free price (art. 3, last paragraph).
 */
export function organisationLineInput(
  kind: OrganisationKind,
  line: OrganisationBookLine,
  requestedBasisPoints: number,
) {
  const cap = organisationDiscountCap(kind, { schoolbook: line.schoolbook, forOwnNeeds: true });
  return {
    ean: line.ean,
    title: line.title,
    condition: 'new' as const,
    publisherPriceCents: line.publisherPriceCents,
    vatRateBasisPoints: line.vatRateBasisPoints,
    quantity: line.quantity,
    discountBasisPoints: Math.min(requestedBasisPoints, cap.basisPoints),
    freeSchoolbook: cap.rule === 'free_schoolbook',
  };
}

/**
 * priceOrder's input for an order on account: each line with the organisation's negotiated
 * discount (its schoolbook one on a schoolbook), as the law lets it through.
 */
export function organisationOrderInput(
  terms: OrganisationTerms,
  lines: readonly OrganisationBookLine[],
  deliveryMethod: DeliveryMethod,
): { ok: true; input: OrderInput } | Failure<'RESELLER_NOT_ON_ACCOUNT'> {
  const kind = onAccountCustomerKind(terms.kind);
  if (!kind.ok) return kind;
  return {
    ok: true,
    input: {
      customerKind: kind.customerKind,
      deliveryMethod,
      lines: lines.map((line) =>
        organisationLineInput(
          terms.kind,
          line,
          organisationUnitPrice({
            kind: terms.kind,
            discounts: terms.discounts,
            publisherPriceCents: line.publisherPriceCents,
            purchase: { schoolbook: line.schoolbook, forOwnNeeds: true },
          }).negotiatedBasisPoints,
        ),
      ),
    },
  };
}

/**
 * How the cart, the checkout and the invoice name the organisation's discount:
 * « Remise libraire 9 % (loi n° 81-766, art. 3) ». Null without a discount.
 */
export function organisationDiscountLabel(terms: OrganisationTerms): string | null {
  const price = organisationUnitPrice({
    kind: terms.kind,
    discounts: terms.discounts,
    publisherPriceCents: 0,
    purchase: { schoolbook: false, forOwnNeeds: true },
  });
  if (price.appliedBasisPoints === 0) return null;
  return `Remise libraire ${formatRate(price.appliedBasisPoints)} (${price.cap.citation})`;
}
