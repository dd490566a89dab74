// Prices for customer organisations (libraries, public bodies, schools, companies, bookshops)
// under the book-price law. Pure: the caller reads the organisation and the book from the
// database and passes them in.
//
// Loi n° 81-766 du 10 août 1981 relative au prix du livre (https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000517179),
// art. 3 in the wording of loi n° 2003-517 du 18 juin 2003, art. 4 (unchanged since, loi n° 2021-1901
// included, which changed art. 1, 5 and 8):
//   « Par dérogation aux dispositions du quatrième alinéa de l'article 1er […], le prix effectif de vente
//   des livres peut être compris entre 91 % et 100 % du prix de vente au public lorsque l'achat est réalisé :
//   1° Pour leurs besoins propres, excluant la revente, par l'Etat, les collectivités territoriales, les
//   établissements d'enseignement, de formation professionnelle ou de recherche, les syndicats
//   représentatifs ou les comités d'entreprise ;
//   2° Pour l'enrichissement des collections des bibliothèques accueillant du public, par les personnes
//   morales gérant ces bibliothèques. […]
//   Le prix effectif de vente des livres scolaires peut être fixé librement dès lors que l'achat est
//   effectué par une association facilitant l'acquisition de livres scolaires par ses membres ou, pour
//   leurs besoins propres, excluant la revente, par l'Etat, une collectivité territoriale ou un
//   établissement d'enseignement. »
// The comité social et économique took over the comité d'entreprise's role (ordonnance
// n° 2017-1386, C. trav. L2311-1 ff.): the shop treats it as the art. 3 buyer the text still calls
// « comité d'entreprise ». Livres scolaires: décret n° 85-862 du 8 août 1985 as amended by décret
// n° 2004-922 du 31 août 2004 (manuals and their workbooks for primary and secondary teaching,
// classes préparatoires and BTS, written to a national curriculum, the class printed on the cover).
import { formatRate } from '@/lib/core/rate';
import { failure, type Failure } from '@/lib/core/result';
import { mulDivFloor, mulDivRoundHalfUp } from './integer-math';
import {
  BASIS_POINTS_PER_UNIT,
  MAX_INSTITUTION_DISCOUNT_BASIS_POINTS,
  MAX_RETAIL_DISCOUNT_BASIS_POINTS,
} from './legal';

export const ORGANISATION_KINDS = [
  'library',
  'state',
  'local_authority',
  'teaching_establishment',
  'training_or_research_establishment',
  'trade_union',
  'works_council',
  'company',
  'reseller',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isOrganisationKind(value: string): value is OrganisationKind {
  return ORGANISATION_KINDS.some((kind) => kind === value);
}

/** Art. 3, 1°: these buy at up to 9 % off for their own needs, excluding resale. */
const OWN_NEEDS_BUYERS: readonly OrganisationKind[] = [
  'state',
  'local_authority',
  'teaching_establishment',
  'training_or_research_establishment',
  'trade_union',
  'works_council',
];

/** Art. 3, last paragraph: schoolbooks at a free price for these, for their own needs. */
const FREE_SCHOOLBOOK_BUYERS: readonly OrganisationKind[] = ['state', 'local_authority', 'teaching_establishment'];

/** « pour une bibliothèque »: how the refusal names the buyer. */
const FOR_KIND: Record<OrganisationKind, string> = {
  library: 'pour une bibliothèque',
  state: 'pour l’État',
  local_authority: 'pour une collectivité territoriale',
  teaching_establishment: 'pour un établissement d’enseignement',
  training_or_research_establishment: 'pour un établissement de formation professionnelle ou de recherche',
  trade_union: 'pour un syndicat représentatif',
  works_council: 'pour un comité social et économique',
  company: 'pour une entreprise ou un cabinet',
  reseller: 'pour un revendeur',
};

export type DiscountCapRule = 'retail' | 'own_needs' | 'library_collections' | 'free_schoolbook' | 'resale';

export type DiscountCap = {
  basisPoints: number;
  rule: DiscountCapRule;
  /** The article, as the French messages cite it: « loi n° 81-766, art. 3 ». */
  citation: string;
};

export type PurchaseContext = {
  /** The book is a livre scolaire (décret n° 85-862 as amended): Book.schoolbook. */
  schoolbook: boolean;
  /** Bought for the organisation's own needs (a library: for its collections), not for resale. */
  forOwnNeeds: boolean;
};

const RETAIL: DiscountCap = {
  basisPoints: MAX_RETAIL_DISCOUNT_BASIS_POINTS,
  rule: 'retail',
  citation: 'loi n° 81-766, art. 1',
};

/**
 * The largest discount off the publisher's price the law allows this buyer on this book.
 * - a bookshop buying to resell is not a sale to the public: art. 1 fixes the price the reseller
 *   charges its own customers, not the trade price between booksellers;
 * - a library open to the public buying for its collections: 9 % (art. 3, 2°);
 * - the State, a local authority, an établissement d'enseignement, de formation professionnelle ou
 *   de recherche, a representative trade union, a CSE, for their own needs: 9 % (art. 3, 1°);
 *   schoolbooks bought by the State, a local authority or a teaching establishment: free
 *   (art. 3, last paragraph);
 * - everyone else, and any of the above buying otherwise than for their own needs: 5 % (art. 1).
 */
export function organisationDiscountCap(kind: OrganisationKind, purchase: PurchaseContext): DiscountCap {
  if (kind === 'reseller') {
    return { basisPoints: BASIS_POINTS_PER_UNIT, rule: 'resale', citation: 'loi n° 81-766, art. 1' };
  }
  if (!purchase.forOwnNeeds) return RETAIL;
  if (kind === 'library') {
    return {
      basisPoints: MAX_INSTITUTION_DISCOUNT_BASIS_POINTS,
      rule: 'library_collections',
      citation: 'loi n° 81-766, art. 3',
    };
  }
  if (purchase.schoolbook && FREE_SCHOOLBOOK_BUYERS.includes(kind)) {
    return { basisPoints: BASIS_POINTS_PER_UNIT, rule: 'free_schoolbook', citation: 'loi n° 81-766, art. 3' };
  }
  if (OWN_NEEDS_BUYERS.includes(kind)) {
    return { basisPoints: MAX_INSTITUTION_DISCOUNT_BASIS_POINTS, rule: 'own_needs', citation: 'loi n° 81-766, art. 3' };
  }
  return RETAIL;
}

/** Whether the law lets this kind of buyer have a separate, free discount on schoolbooks. */
export function hasFreeSchoolbookPrice(kind: OrganisationKind): boolean {
  return FREE_SCHOOLBOOK_BUYERS.includes(kind);
}

export type OrganisationDiscounts = {
  /** The negotiated discount on every book, in basis points. */
  discountBasisPoints: number;
  /** The negotiated discount on schoolbooks, for the buyers of art. 3's last paragraph; null: the general one. */
  schoolbookDiscountBasisPoints: number | null;
};

/**
 * Checks the discounts staff negotiate with an organisation, as they stand for its usual
 * purchases (its own needs, or its collections; a reseller buys to resell): refused above the
 * law's ceiling, with the article in the French message.
 */
export function checkNegotiatedDiscounts(
  kind: OrganisationKind,
  discounts: OrganisationDiscounts,
): { ok: true } | Failure<'DISCOUNT_ABOVE_LEGAL_LIMIT' | 'SCHOOLBOOK_DISCOUNT_NOT_ALLOWED'> {
  const forOwnNeeds = kind !== 'reseller';
  const general = organisationDiscountCap(kind, { schoolbook: false, forOwnNeeds });
  if (discounts.discountBasisPoints > general.basisPoints) {
    const message = `Remise de ${formatRate(discounts.discountBasisPoints)} refusée : au plus ${formatRate(general.basisPoints)} ${FOR_KIND[kind]} (${general.citation}).`;
    return failure('DISCOUNT_ABOVE_LEGAL_LIMIT', message, { fieldErrors: { discount: message } });
  }
  if (discounts.schoolbookDiscountBasisPoints !== null && !hasFreeSchoolbookPrice(kind)) {
    const message = `Remise sur les livres scolaires refusée : le prix libre des livres scolaires ne vaut que pour l’État, une collectivité territoriale ou un établissement d’enseignement (loi n° 81-766, art. 3) ; ${FOR_KIND[kind]}, la remise générale s’applique.`;
    return failure('SCHOOLBOOK_DISCOUNT_NOT_ALLOWED', message, { fieldErrors: { schoolbookDiscount: message } });
  }
  return { ok: true };
}

export type OrganisationLineInput = {
  kind: OrganisationKind;
  discounts: OrganisationDiscounts;
  /** The publisher's price incl. VAT, in cents, on the day of sale (Book.publisherPriceCents). */
  publisherPriceCents: number;
  purchase: PurchaseContext;
};

export type OrganisationUnitPrice = {
  publisherPriceCents: number;
  /** The discount asked for this book: the negotiated one (the schoolbook one on a schoolbook). */
  negotiatedBasisPoints: number;
  /** What the law lets through: the negotiated discount, capped by organisationDiscountCap. */
  appliedBasisPoints: number;
  cap: DiscountCap;
  /** Per copy, rounded down to the cent, so the price never crosses the floor by half a cent. */
  unitDiscountCents: number;
  unitPriceCents: number;
};

/**
 * One copy's price for an organisation: the publisher's price less the negotiated discount,
 * capped by the law for this purchase. Rounding: the discount is ⌊price × rate⌋ to the cent (the
 * price is rounded up), so 91 % (95 %) of the publisher's price is never crossed.
 */
export function organisationUnitPrice(input: OrganisationLineInput): OrganisationUnitPrice {
  const { discounts, purchase } = input;
  const cap = organisationDiscountCap(input.kind, purchase);
  const negotiatedBasisPoints =
    purchase.schoolbook && cap.rule === 'free_schoolbook' && discounts.schoolbookDiscountBasisPoints !== null
      ? discounts.schoolbookDiscountBasisPoints
      : discounts.discountBasisPoints;
  const appliedBasisPoints = Math.min(negotiatedBasisPoints, cap.basisPoints);
  const unitDiscountCents = mulDivFloor(input.publisherPriceCents, appliedBasisPoints, BASIS_POINTS_PER_UNIT);
  return {
    publisherPriceCents: input.publisherPriceCents,
    negotiatedBasisPoints,
    appliedBasisPoints,
    cap,
    unitDiscountCents,
    unitPriceCents: input.publisherPriceCents - unitDiscountCents,
  };
}

/**
 * Droit de prêt: the bookseller pays 6 % of the public price excluding VAT of the books sold to a
 * library lending to the public (CPI art. L133-3 and L133-4, loi n° 2003-517; « prêt payé à
 * l'achat », collected by SOFIA), whatever discount it gave: art. 3, 2° counts it inside the 91 %.
 */
export const LENDING_RIGHT_BASIS_POINTS = 600;

/**
 * The lending right owed on copies sold to a library: the public price excluding VAT of the copies
 * (price incl. VAT ÷ (1 + VAT rate)), then 6 % of it; each step rounded to the nearest cent, halves up.
 */
export function lendingRightDueCents(line: {
  publisherPriceCents: number;
  vatRateBasisPoints: number;
  quantity: number;
}): number {
  const publicPriceExclVatCents = mulDivRoundHalfUp(
    line.publisherPriceCents * line.quantity,
    BASIS_POINTS_PER_UNIT,
    BASIS_POINTS_PER_UNIT + line.vatRateBasisPoints,
  );
  return mulDivRoundHalfUp(publicPriceExclVatCents, LENDING_RIGHT_BASIS_POINTS, BASIS_POINTS_PER_UNIT);
}
