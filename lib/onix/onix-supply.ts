import { childNamed, childrenNamed, textOf, type OnixElement } from './onix-element';
import { parseOnixDate, reject } from './onix-values';

// What a <ProductSupply> block says: the fixed price and each distributor's availability, read for
// a full record and for a block update alike (onix-product.ts). Codes: EDItEUR code lists. Pure.

export type OnixSupply = {
  /** GLN (SupplierIDType 06), 13 digits. */
  gln: string | null;
  name: string | null;
  /** Code list 65. */
  availabilityCode: string;
  /** SupplyDate role 08, expected availability. */
  expectedOn: Date | null;
};

// French books: VAT 5.5 % (CGI art. 278-0 bis A) when the record gives no rate.
const BOOK_VAT_BASIS_POINTS = 550;

/**
 * The fixed retail price of loi n° 81-766 (art. 1): PriceType 04 (fixed retail price including
 * tax), in euros, for France or with no territory. Without one the book cannot be sold here.
 */
export function readPrice(product: OnixElement): { cents: number; vatRateBasisPoints: number } {
  const prices = childrenNamed(childNamed(product, 'ProductSupply'), 'SupplyDetail').flatMap((d) =>
    childrenNamed(d, 'Price'),
  );
  const forFrance = (price: OnixElement) => {
    const countries = textOf(childNamed(price, 'Territory'), 'CountriesIncluded');
    return countries === null || countries.split(/\s+/).includes('FR');
  };
  const price = prices.find(
    (p) => textOf(p, 'PriceType') === '04' && (textOf(p, 'CurrencyCode') ?? 'EUR') === 'EUR' && forFrance(p),
  );
  if (!price) return reject('aucun prix de vente fixé en euros (PriceType 04, EUR)');
  const amount = textOf(price, 'PriceAmount') ?? '';
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return reject(`prix invalide « ${amount} »`);
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (cents === 0) return reject('prix nul');
  const rate = textOf(childNamed(price, 'Tax'), 'TaxRatePercent');
  if (rate === null) return { cents, vatRateBasisPoints: BOOK_VAT_BASIS_POINTS };
  const rateMatch = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(rate);
  if (!rateMatch) return reject(`taux de TVA invalide « ${rate} »`);
  return { cents, vatRateBasisPoints: Number(rateMatch[1]) * 100 + Number((rateMatch[2] ?? '').padEnd(2, '0')) };
}

function readSupplier(detail: OnixElement): Pick<OnixSupply, 'gln' | 'name'> {
  const supplier = childNamed(detail, 'Supplier');
  // Code list 92: 06 GLN.
  const id = childrenNamed(supplier, 'SupplierIdentifier').find((i) => textOf(i, 'SupplierIDType') === '06');
  const gln = textOf(id, 'IDValue');
  if (gln !== null && !/^\d{13}$/.test(gln)) reject(`GLN de fournisseur invalide « ${gln} »`);
  return { gln, name: textOf(supplier, 'SupplierName') };
}

export function readSuppliers(product: OnixElement): Pick<OnixSupply, 'gln' | 'name'>[] {
  return childrenNamed(childNamed(product, 'ProductSupply'), 'SupplyDetail')
    .map(readSupplier)
    .filter((s) => s.gln !== null || s.name !== null);
}

export function readSupplies(product: OnixElement): OnixSupply[] {
  const supplies: OnixSupply[] = [];
  for (const detail of childrenNamed(childNamed(product, 'ProductSupply'), 'SupplyDetail')) {
    const supplier = readSupplier(detail);
    const code = textOf(detail, 'ProductAvailability');
    if (!code || !/^\d\d$/.test(code))
      reject(`disponibilité absente ou invalide (ProductAvailability « ${code ?? ''} »)`);
    // Code list 166: 08 expected availability date.
    const date = childrenNamed(detail, 'SupplyDate').find((d) => textOf(d, 'SupplyDateRole') === '08');
    const expectedOn = parseOnixDate(childNamed(date, 'Date'), 'date de disponibilité');
    // One supply per distributor: a second SupplyDetail of the same one (another market) is ignored.
    const same = supplies.some(
      (s) => (s.gln !== null && s.gln === supplier.gln) || (s.gln === null && s.name === supplier.name),
    );
    if (!same) supplies.push({ ...supplier, availabilityCode: code as string, expectedOn });
  }
  return supplies;
}
