import type { Invoice as EInvoiceData } from '@e-invoice-eu/core';
import { SHOP_TIME_ZONE } from '@/lib/core/date';
import { discountNote, type InvoiceForPrint } from './invoice-text';
import type { InvoiceLine, VatRow } from './invoice-document';

// An invoice or a credit note as EN 16931 data, in the internal format of @e-invoice-eu/core (a
// JSON rendering of UBL 2.1 that the library turns into CII for Factur-X and into UBL), from the
// frozen Invoice alone: every amount is the printable invoice's, to the cent. Pure.
//
// Where the standard and the printed invoice meet:
// - each line's net amount (BT-131) is the printed « Total HT » of the line; the net price (BT-146)
//   is that amount per copy when it divides exactly, else the line's amount for its quantity
//   (BT-149, base quantity), so that quantity × price never rounds;
// - each VAT row (BG-23) is the printed one: base, rate, VAT. The printed base is extracted once
//   per rate from the rate's total incl. VAT (lib/pricing/vat.ts), the lines' bases one by one, so
//   their sum may differ from the row's by a cent or two; BR-S-08 wants the row's base to equal the
//   lines' sum plus charges minus allowances, so that difference becomes a document-level charge or
//   allowance at the rate (« Arrondi de TVA »), which changes none of the printed totals;
// - an invoice paid at the order (a reader's) is paid in full (BT-113 = total, BT-115 = 0); an
//   invoice on account is due in full by its due date (BT-9), by transfer to the shop's IBAN
//   (BG-17, payment means 58, SEPA credit transfer), with the penalty and indemnity texts as its
//   payment terms (BT-20, C. com. L441-10); a credit note (type 381) names the invoice it corrects
//   (BT-25) and was refunded when issued.
// Chorus Pro reads the buyer's SIRET from BT-47 (scheme 0009, SIRET), the « code service » from the
// buyer reference BT-10 and the engagement number from the purchase order reference BT-13
// (Chorus Pro, « Spécifications externes, annexe EDI », Factur-X mapping): for a public buyer that
// gives an engagement number, BT-13 carries it and the purchase-order number is stated in a note.

/** ISO 6523 ICD 0009: SIRET (the scheme Chorus Pro reads); 0160: GTIN (the EAN-13 of a book). */
const SIRET_SCHEME = '0009';
const GTIN_SCHEME = '0160';
/** UNTDID 4461: 58 SEPA credit transfer, 48 bank card. UNTDID 1001: 380 invoice, 381 credit note. */
const SEPA_CREDIT_TRANSFER = '58';
const BANK_CARD = '48';
const CLEARING_BETWEEN_PARTNERS = '97';

type Document = EInvoiceData['ubl:Invoice'];

export type EInvoiceSource = InvoiceForPrint & {
  /** The issue date of the invoice a credit note corrects (BT-26), when known. */
  creditedIssuedAt?: Date | null;
  /**
   * A credit note of an invoice on account (payable by transfer): no money goes back, it lowers
   * what the organisation owes (docs/decisions/029-transfers-received.md).
   */
  creditedOnAccount?: boolean;
};

/**
 * A UBL version exists between businesses only: the library's UBL (Peppol BIS rules) wants the
 * buyer's electronic address (BT-49, here the SIRET under scheme 0009), which a reader's invoice
 * does not carry. Factur-X exists for every invoice.
 */
export const hasUbl = (invoice: Pick<InvoiceForPrint, 'buyer'>) => !!invoice.buyer.siret;

const euros = (cents: number) => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

/** 550 basis points → "5.5". */
const percent = (basisPoints: number) => String(basisPoints / 100);

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const parisDay = (date: Date) => PARIS_DAY.format(date);

type Address = { street?: string; additional?: string; postalCode?: string; city?: string };

/** Lines as printed, the last one « 75005 Paris »: street, second line, postal code and city. */
export function structuredAddress(lines: string[]): Address {
  const last = lines.at(-1);
  const cityLine = last?.match(/^(\d{5})\s+(.+)$/);
  const streets = cityLine ? lines.slice(0, -1) : lines;
  return {
    ...(streets[0] && { street: streets[0] }),
    ...(streets.length > 1 && { additional: streets.slice(1).join(', ') }),
    ...(cityLine && { postalCode: cityLine[1], city: cityLine[2] }),
  };
}

function postalAddress(address: Address) {
  return {
    ...(address.street && { 'cbc:StreetName': address.street }),
    ...(address.additional && { 'cbc:AdditionalStreetName': address.additional }),
    ...(address.city && { 'cbc:CityName': address.city }),
    ...(address.postalCode && { 'cbc:PostalZone': address.postalCode }),
    'cac:Country': { 'cbc:IdentificationCode': 'FR' as const },
  };
}

/** The net price per copy when exact, else the amount for the line's quantity (BT-146, BT-149). */
function netPrice(line: InvoiceLine, quantity: number): Document['cac:InvoiceLine'][number]['cac:Price'] {
  if (line.totalExclVatCents % quantity === 0)
    return { 'cbc:PriceAmount': euros(line.totalExclVatCents / quantity), 'cbc:PriceAmount@currencyID': 'EUR' };
  return {
    'cbc:PriceAmount': euros(line.totalExclVatCents),
    'cbc:PriceAmount@currencyID': 'EUR',
    'cbc:BaseQuantity': String(quantity),
    'cbc:BaseQuantity@unitCode': 'C62',
  };
}

const EAN_IN_DESIGNATION = /^(.*) \(EAN (\d{13})\)$/;

function invoiceLine(line: InvoiceLine, index: number): Document['cac:InvoiceLine'][number] {
  // A credit note's line of no copy (a fall of the publisher's price) is one adjustment.
  const quantity = Math.max(line.quantity, 1);
  const [, name, ean] = line.designation.match(EAN_IN_DESIGNATION) ?? [];
  const note = discountNote(line);
  return {
    'cbc:ID': String(index + 1),
    ...(note && { 'cbc:Note': `${note} (prix TTC)` }),
    'cbc:InvoicedQuantity': String(quantity),
    'cbc:InvoicedQuantity@unitCode': 'C62',
    'cbc:LineExtensionAmount': euros(line.totalExclVatCents),
    'cbc:LineExtensionAmount@currencyID': 'EUR',
    'cac:Item': {
      'cbc:Name': name ?? line.designation,
      ...(ean && { 'cac:StandardItemIdentification': { 'cbc:ID': ean, 'cbc:ID@schemeID': GTIN_SCHEME } }),
      'cac:ClassifiedTaxCategory': {
        'cbc:ID': 'S',
        'cbc:Percent': percent(line.vatRateBasisPoints),
        'cac:TaxScheme': { 'cbc:ID': 'VAT' },
      },
    },
    'cac:Price': netPrice(line, quantity),
  };
}

/** Per rate, what the VAT row's base differs from its lines' sum by (BR-S-08): a charge if positive. */
export function roundingAdjustments(lines: InvoiceLine[], vat: VatRow[]) {
  return vat
    .map((row) => {
      const linesSum = lines
        .filter((line) => line.vatRateBasisPoints === row.rateBasisPoints)
        .reduce((sum, line) => sum + line.totalExclVatCents, 0);
      return { rateBasisPoints: row.rateBasisPoints, cents: row.baseExclVatCents - linesSum };
    })
    .filter((adjustment) => adjustment.cents !== 0);
}

/** What the printed invoice adds up to, in the standard's terms (BG-22), in cents. */
export function documentTotals(
  invoice: Pick<EInvoiceSource, 'lines' | 'vat' | 'totalCents' | 'paymentTerms' | 'creditedOnAccount'>,
) {
  const adjustments = roundingAdjustments(invoice.lines, invoice.vat);
  const lineTotal = invoice.lines.reduce((sum, line) => sum + line.totalExclVatCents, 0);
  const charges = adjustments.filter((a) => a.cents > 0).reduce((sum, a) => sum + a.cents, 0);
  const allowances = adjustments.filter((a) => a.cents < 0).reduce((sum, a) => sum - a.cents, 0);
  const taxExclusive = invoice.vat.reduce((sum, row) => sum + row.baseExclVatCents, 0);
  const tax = invoice.vat.reduce((sum, row) => sum + row.vatCents, 0);
  // Paid at the order (card) or refunded when issued: nothing left to pay; on account, or a credit
  // note set off against an invoice on account: all of it.
  const due = invoice.paymentTerms || invoice.creditedOnAccount ? invoice.totalCents : 0;
  return {
    adjustments,
    lineTotal,
    charges,
    allowances,
    taxExclusive,
    tax,
    total: invoice.totalCents,
    paid: invoice.totalCents - due,
    due,
  };
}

function sellerParty(invoice: EInvoiceSource): Document['cac:AccountingSupplierParty'] {
  const { seller } = invoice;
  return {
    'cac:Party': {
      'cbc:EndpointID': seller.email,
      'cbc:EndpointID@schemeID': 'EM',
      'cac:PostalAddress': postalAddress(structuredAddress(seller.address.split(', '))),
      'cac:PartyTaxScheme': [{ 'cbc:CompanyID': seller.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
      'cac:PartyLegalEntity': {
        'cbc:RegistrationName': seller.legalName,
        'cbc:CompanyID': seller.siret,
        'cbc:CompanyID@schemeID': SIRET_SCHEME,
        'cbc:CompanyLegalForm': [seller.legalForm, seller.registration].filter(Boolean).join(', '),
      },
      'cac:Contact': { 'cbc:Telephone': seller.phone, 'cbc:ElectronicMail': seller.email },
    },
  };
}

function buyerParty(invoice: EInvoiceSource): Document['cac:AccountingCustomerParty'] {
  const { buyer } = invoice;
  return {
    'cac:Party': {
      ...(buyer.siret && { 'cbc:EndpointID': buyer.siret, 'cbc:EndpointID@schemeID': SIRET_SCHEME }),
      'cac:PostalAddress': postalAddress(structuredAddress(buyer.addressLines)),
      ...(buyer.vatNumber && {
        'cac:PartyTaxScheme': { 'cbc:CompanyID': buyer.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } },
      }),
      'cac:PartyLegalEntity': {
        'cbc:RegistrationName': buyer.name,
        ...(buyer.siret && { 'cbc:CompanyID': buyer.siret, 'cbc:CompanyID@schemeID': SIRET_SCHEME }),
      },
    },
  };
}

function paymentMeans(invoice: EInvoiceSource): NonNullable<Document['cac:PaymentMeans']> {
  const terms = invoice.paymentTerms;
  // Set off against what the invoice on account still owes: UNTDID 4461 « Clearing between partners ».
  if (invoice.creditedOnAccount) return [{ 'cbc:PaymentMeansCode': CLEARING_BETWEEN_PARTNERS }];
  if (!terms) return [{ 'cbc:PaymentMeansCode': BANK_CARD }];
  return [
    {
      'cbc:PaymentMeansCode': SEPA_CREDIT_TRANSFER,
      'cbc:PaymentID': invoice.number,
      'cac:PayeeFinancialAccount': {
        'cbc:ID': terms.iban.replace(/\s/g, ''),
        'cbc:Name': invoice.seller.legalName,
        ...(terms.bic && { 'cac:FinancialInstitutionBranch': { 'cbc:ID': terms.bic } }),
      },
    },
  ];
}

/** The buyer's references: BT-10 (Chorus Pro's service code) and BT-13 (engagement, else PO number). */
function references(invoice: EInvoiceSource) {
  const terms = invoice.paymentTerms;
  const orderReference = terms?.engagementNumber ?? terms?.purchaseOrderNumber ?? null;
  const notes = [
    ...(terms?.engagementNumber && terms.purchaseOrderNumber
      ? [`Bon de commande n° ${terms.purchaseOrderNumber}`]
      : []),
  ];
  return {
    ...(invoice.buyer.chorusServiceCode && { 'cbc:BuyerReference': invoice.buyer.chorusServiceCode }),
    ...(orderReference && { 'cac:OrderReference': { 'cbc:ID': orderReference } }),
    notes,
  };
}

const money = (cents: number) => ({ amount: euros(cents), currency: 'EUR' as const });

/**
 * The invoice a credit note corrects (BT-25, and its date BT-26). UBL nests it in an
 * InvoiceDocumentReference; the library's CII mapping (2.3.4) reads the number from the billing
 * reference itself, and writes the date as udt:DateTimeString where the D16B schema wants
 * qdt:DateTimeString: for CII, the number alone (BT-26 is optional).
 */
function billingReference(
  number: string,
  issuedAt: Date | null | undefined,
  syntax: 'cii' | 'ubl',
): NonNullable<Document['cac:BillingReference']>[number] {
  // The shape the CII mapping reads, which the library's own type does not describe.
  if (syntax === 'cii') return { 'cbc:ID': number } as unknown as NonNullable<Document['cac:BillingReference']>[number];
  return {
    'cac:InvoiceDocumentReference': { 'cbc:ID': number, ...(issuedAt && { 'cbc:IssueDate': parisDay(issuedAt) }) },
  };
}

export function eInvoiceData(invoice: EInvoiceSource, syntax: 'cii' | 'ubl' = 'cii'): EInvoiceData {
  const totals = documentTotals(invoice);
  const { notes, ...buyerReferences } = references(invoice);
  const [firstLine, ...otherLines] = invoice.lines.map(invoiceLine);
  if (!firstLine) throw new Error(`invoice ${invoice.number}: no line`);
  const terms = invoice.paymentTerms;
  const paymentNote = terms ? [terms.penaltyText, terms.indemnityText].join(' ') : null;
  const data: EInvoiceData = {
    'ubl:Invoice': {
      'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
      // Chorus Pro reads its « cadre de facturation » from BT-23: A1, an invoice deposited by its supplier.
      ...(invoice.buyer.publicBuyer && { 'cbc:ProfileID': 'A1' }),
      'cbc:ID': invoice.number,
      'cbc:IssueDate': parisDay(invoice.issuedAt),
      ...(terms && { 'cbc:DueDate': terms.dueOn }),
      'cbc:InvoiceTypeCode': invoice.kind === 'invoice' ? '380' : '381',
      ...(notes.length > 0 && { 'cbc:Note': notes }),
      'cbc:DocumentCurrencyCode': 'EUR',
      ...buyerReferences,
      ...(invoice.kind === 'credit_note' &&
        invoice.creditedNumber && {
          'cac:BillingReference': [billingReference(invoice.creditedNumber, invoice.creditedIssuedAt, syntax)],
        }),
      'cac:AccountingSupplierParty': sellerParty(invoice),
      'cac:AccountingCustomerParty': buyerParty(invoice),
      // CII requires the delivery block (ApplicableHeaderTradeDelivery): delivered in France; an
      // invoice on account is issued when its order leaves the shop (decision 027), its delivery date.
      'cac:Delivery': {
        ...(terms && invoice.kind === 'invoice' && { 'cbc:ActualDeliveryDate': parisDay(invoice.issuedAt) }),
        'cac:DeliveryLocation': { 'cac:Address': { 'cac:Country': { 'cbc:IdentificationCode': 'FR' } } },
      },
      'cac:PaymentMeans': paymentMeans(invoice),
      ...(paymentNote && { 'cac:PaymentTerms': { 'cbc:Note': paymentNote } }),
      ...(totals.adjustments.length > 0 && {
        'cac:AllowanceCharge': totals.adjustments.map((adjustment) => ({
          'cbc:ChargeIndicator': adjustment.cents > 0 ? 'true' : 'false',
          'cbc:AllowanceChargeReason': 'Arrondi de TVA',
          'cbc:Amount': euros(Math.abs(adjustment.cents)),
          'cbc:Amount@currencyID': 'EUR',
          'cac:TaxCategory': {
            'cbc:ID': 'S',
            'cbc:Percent': percent(adjustment.rateBasisPoints),
            'cac:TaxScheme': { 'cbc:ID': 'VAT' },
          },
        })),
      }),
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': money(totals.tax).amount,
          'cbc:TaxAmount@currencyID': 'EUR',
          'cac:TaxSubtotal': invoice.vat.map((row) => ({
            'cbc:TaxableAmount': euros(row.baseExclVatCents),
            'cbc:TaxableAmount@currencyID': 'EUR',
            'cbc:TaxAmount': euros(row.vatCents),
            'cbc:TaxAmount@currencyID': 'EUR',
            'cac:TaxCategory': {
              'cbc:ID': 'S',
              'cbc:Percent': percent(row.rateBasisPoints),
              'cac:TaxScheme': { 'cbc:ID': 'VAT' },
            },
          })),
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': euros(totals.lineTotal),
        'cbc:LineExtensionAmount@currencyID': 'EUR',
        'cbc:TaxExclusiveAmount': euros(totals.taxExclusive),
        'cbc:TaxExclusiveAmount@currencyID': 'EUR',
        'cbc:TaxInclusiveAmount': euros(totals.total),
        'cbc:TaxInclusiveAmount@currencyID': 'EUR',
        ...(totals.allowances > 0 && {
          'cbc:AllowanceTotalAmount': euros(totals.allowances),
          'cbc:AllowanceTotalAmount@currencyID': 'EUR',
        }),
        ...(totals.charges > 0 && {
          'cbc:ChargeTotalAmount': euros(totals.charges),
          'cbc:ChargeTotalAmount@currencyID': 'EUR',
        }),
        ...(totals.paid > 0 && {
          'cbc:PrepaidAmount': euros(totals.paid),
          'cbc:PrepaidAmount@currencyID': 'EUR',
        }),
        'cbc:PayableAmount': euros(totals.due),
        'cbc:PayableAmount@currencyID': 'EUR',
      },
      'cac:InvoiceLine': [firstLine, ...otherLines],
    },
  };
  return data;
}
