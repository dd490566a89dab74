// Test helpers for the e-invoices: validation of a CII or UBL XML against the official schemas in
// lib/invoicing/fixtures/ (their README says where from) with libxml2 compiled to WebAssembly
// (xmllint-wasm: no system package), and the figures of a CII invoice read back by parsing it, in
// cents, to compare with the printable invoice's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { validateXML } from 'xmllint-wasm';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lib/invoicing/fixtures');

function schemaFiles(folder: string, main: string) {
  const directory = path.join(FIXTURES, folder);
  const read = (fileName: string) => ({ fileName, contents: readFileSync(path.join(directory, fileName), 'utf8') });
  return {
    schema: [read(main)],
    preload: readdirSync(directory, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.xsd') && file !== main)
      .map(read),
  };
}

/** The errors of the EN 16931 CII schema (UN/CEFACT D16B) for this XML; none when it is valid. */
export async function ciiSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'factur-x.xml', contents: xml }],
    ...schemaFiles('en16931-cii', 'CrossIndustryInvoice_100pD16B.xsd'),
  });
  return result.errors.map((error) => error.rawMessage);
}

/** The errors of the UBL 2.1 schema (Invoice or CreditNote) for this XML. */
export async function ublSchemaErrors(xml: string): Promise<string[]> {
  const main = xml.includes('urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2')
    ? 'maindoc/UBL-CreditNote-2.1.xsd'
    : 'maindoc/UBL-Invoice-2.1.xsd';
  const result = await validateXML({
    xml: [{ fileName: 'ubl.xml', contents: xml }],
    ...schemaFiles('ubl-2.1', main),
  });
  return result.errors.map((error) => error.rawMessage);
}

/** Every element's text by its path of local names ("CrossIndustryInvoice/ExchangedDocument/ID"). */
export function xmlTexts(xml: string): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  const stack: string[] = [];
  let text = '';
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    stack.push(tag.local ?? tag.name);
    text = '';
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    const key = stack.join('/');
    if (text.trim() !== '') texts.set(key, [...(texts.get(key) ?? []), text.trim()]);
    text = '';
    stack.pop();
  });
  parser.write(xml).close();
  return texts;
}

const cents = (amount: string) => {
  const match = amount.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!match) throw new Error(`not an amount in cents: ${amount}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0')));
};

const ROOT = 'CrossIndustryInvoice/SupplyChainTradeTransaction';
const SETTLEMENT = `${ROOT}/ApplicableHeaderTradeSettlement`;
const TOTALS = `${SETTLEMENT}/SpecifiedTradeSettlementHeaderMonetarySummation`;

/** A CII invoice's figures, parsed: type, references, line amounts, VAT rows and totals in cents. */
export function ciiFigures(xml: string) {
  const texts = xmlTexts(xml);
  const all = (key: string) => texts.get(key) ?? [];
  const one = (key: string) => all(key)[0] ?? null;
  const amount = (key: string) => (one(key) === null ? null : cents(one(key)!));
  const lineRates = all(
    `${ROOT}/IncludedSupplyChainTradeLineItem/SpecifiedLineTradeSettlement/ApplicableTradeTax/RateApplicablePercent`,
  );
  const lineAmounts = all(
    `${ROOT}/IncludedSupplyChainTradeLineItem/SpecifiedLineTradeSettlement/SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount`,
  ).map(cents);
  const vatRates = all(`${SETTLEMENT}/ApplicableTradeTax/RateApplicablePercent`);
  const vatBases = all(`${SETTLEMENT}/ApplicableTradeTax/BasisAmount`).map(cents);
  const vatAmounts = all(`${SETTLEMENT}/ApplicableTradeTax/CalculatedAmount`).map(cents);
  const chargeIndicators = all(`${SETTLEMENT}/SpecifiedTradeAllowanceCharge/ChargeIndicator/Indicator`);
  const chargeAmounts = all(`${SETTLEMENT}/SpecifiedTradeAllowanceCharge/ActualAmount`).map(cents);
  const chargeRates = all(`${SETTLEMENT}/SpecifiedTradeAllowanceCharge/CategoryTradeTax/RateApplicablePercent`);
  return {
    number: one('CrossIndustryInvoice/ExchangedDocument/ID'),
    typeCode: one('CrossIndustryInvoice/ExchangedDocument/TypeCode'),
    guideline: one('CrossIndustryInvoice/ExchangedDocumentContext/GuidelineSpecifiedDocumentContextParameter/ID'),
    buyerSiret: one(`${ROOT}/ApplicableHeaderTradeAgreement/BuyerTradeParty/SpecifiedLegalOrganization/ID`),
    buyerVatNumber: one(`${ROOT}/ApplicableHeaderTradeAgreement/BuyerTradeParty/SpecifiedTaxRegistration/ID`),
    buyerReference: one(`${ROOT}/ApplicableHeaderTradeAgreement/BuyerReference`),
    orderReference: one(`${ROOT}/ApplicableHeaderTradeAgreement/BuyerOrderReferencedDocument/IssuerAssignedID`),
    creditedNumber: one(`${SETTLEMENT}/InvoiceReferencedDocument/IssuerAssignedID`),
    iban: one(`${SETTLEMENT}/SpecifiedTradeSettlementPaymentMeans/PayeePartyCreditorFinancialAccount/IBANID`),
    paymentMeans: one(`${SETTLEMENT}/SpecifiedTradeSettlementPaymentMeans/TypeCode`),
    dueDate: one(`${SETTLEMENT}/SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString`),
    lines: lineAmounts.map((amountCents, index) => ({ amountCents, rate: Number(lineRates[index]) })),
    vat: vatBases.map((baseCents, index) => ({
      rate: Number(vatRates[index]),
      baseCents,
      vatCents: vatAmounts[index] ?? 0,
    })),
    adjustments: chargeAmounts.map((amountCents, index) => ({
      rate: Number(chargeRates[index]),
      cents: chargeIndicators[index] === 'true' ? amountCents : -amountCents,
    })),
    lineTotalCents: amount(`${TOTALS}/LineTotalAmount`),
    chargeTotalCents: amount(`${TOTALS}/ChargeTotalAmount`) ?? 0,
    allowanceTotalCents: amount(`${TOTALS}/AllowanceTotalAmount`) ?? 0,
    taxBasisCents: amount(`${TOTALS}/TaxBasisTotalAmount`),
    taxTotalCents: amount(`${TOTALS}/TaxTotalAmount`),
    grandTotalCents: amount(`${TOTALS}/GrandTotalAmount`),
    paidCents: amount(`${TOTALS}/TotalPrepaidAmount`) ?? 0,
    dueCents: amount(`${TOTALS}/DuePayableAmount`),
  };
}

export type CiiFigures = ReturnType<typeof ciiFigures>;

/**
 * The arithmetic rules of EN 16931 on the totals, as the official Schematron states them
 * (BR-CO-10, BR-CO-13, BR-CO-15, BR-CO-16, BR-S-08), checked on the parsed figures: no Schematron
 * processor runs here (it needs XSLT 2), so these few are restated; the names of the failed ones.
 */
export function en16931TotalRuleFailures(figures: CiiFigures): string[] {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const failures: string[] = [];
  if (figures.lineTotalCents !== sum(figures.lines.map((line) => line.amountCents))) failures.push('BR-CO-10');
  if (figures.taxBasisCents !== (figures.lineTotalCents ?? 0) - figures.allowanceTotalCents + figures.chargeTotalCents)
    failures.push('BR-CO-13');
  if (figures.grandTotalCents !== (figures.taxBasisCents ?? 0) + (figures.taxTotalCents ?? 0))
    failures.push('BR-CO-15');
  if (figures.dueCents !== (figures.grandTotalCents ?? 0) - figures.paidCents) failures.push('BR-CO-16');
  for (const row of figures.vat) {
    const lines = sum(figures.lines.filter((line) => line.rate === row.rate).map((line) => line.amountCents));
    const adjustments = sum(figures.adjustments.filter((a) => a.rate === row.rate).map((a) => a.cents));
    if (row.baseCents !== lines + adjustments) failures.push(`BR-S-08 (${row.rate} %)`);
  }
  return failures;
}
