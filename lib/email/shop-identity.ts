// Who the shop is, as its e-mails and pages state it: the identity and contact details a seller at
// a distance must give (Code de la consommation, art. L221-5 and L111-1 4°; R111-1 for the list:
// name or company name, registration number, address, phone, e-mail). Pure type: the values come
// from lib/data/shop-identity.ts (getShopIdentity), the one place that reads them.
export type ShopIdentity = {
  /** The name customers know: "Librairie des Facultés". */
  name: string;
  /** The company and its form: "Librairie des Facultés SAS". */
  legalName: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  /** "RCS Paris 123 456 789" */
  registration: string;
  /** Intra-community VAT number. */
  vatNumber: string;
};

export function postalAddress(shop: ShopIdentity): string {
  return `${shop.streetAddress}, ${shop.postalCode} ${shop.city}`;
}
