import { FormatFactoryService, invoiceSchema, type Invoice, type Logger } from '@e-invoice-eu/core';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import { eInvoiceData, type EInvoiceSource } from './e-invoice';
import { renderInvoicePdf, type InvoiceFonts } from './invoice-pdf';

// The electronic forms of an invoice, made by @e-invoice-eu/core (maintained, EN 16931 formats)
// from eInvoiceData: Factur-X (profile EN 16931: our PDF with its CII XML attached as factur-x.xml,
// AFRelationship Alternative, the Factur-X XMP metadata, the sRGB output intent of PDF/A-3), the CII
// XML alone, and UBL 2.1 (an Invoice, or a CreditNote for type 381). Pure: fonts come as bytes.
//
// The library's InvoiceService.generate is followed step by step (validate the data against the
// library's JSON schema as patched by the format, fill the format's defaults, generate), with one
// difference: the validator is compiled once per format instead of on every call, and the CII
// formats are given the credit note's billing reference in the shape their mapping reads
// (eInvoiceData's `syntax`), once the UBL shape has passed the schema.

/** The library's warnings are not the shop's: silent (a failure still throws). */
const SILENT: Logger = { log: () => {}, warn: () => {}, error: () => {} };

export const FACTUR_X_FORMAT = 'Factur-X-EN16931';
type Format = typeof FACTUR_X_FORMAT | 'CII' | 'UBL';

const factory = new FormatFactoryService();
const validators = new Map<Format, ValidateFunction<Invoice>>();

function validatorFor(format: Format): ValidateFunction<Invoice> {
  let validator = validators.get(format);
  if (!validator) {
    const schema = structuredClone(invoiceSchema);
    factory.createFormatService(format, SILENT).patchSchema(schema);
    validator = new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile<Invoice>(schema);
    validators.set(format, validator);
  }
  return validator;
}

/**
 * The library's profile filter for Factur-X EN 16931 (2.3.4) drops the purchase order reference
 * BT-13 (BuyerOrderReferencedDocument: its table marks it EXTENDED only, whereas EN 16931 has it,
 * as does every Factur-X profile from MINIMUM up). Its Factur-X is therefore made with the filter
 * of its plain CII format (FULL_CII, 0x1: every field the data gives); the data holds EN 16931
 * fields only (checked against the schema and restated rules in lib/invoicing/e-invoice.test.ts),
 * and the XMP still declares the EN 16931 conformance level.
 */
const FULL_CII_PROFILE = 0x1;

async function generate(invoice: EInvoiceSource, format: Format, pdf?: Uint8Array) {
  const formatter = factory.createFormatService(format, SILENT);
  if (format === FACTUR_X_FORMAT) Object.defineProperty(formatter, 'fxProfile', { value: FULL_CII_PROFILE });
  const checked = eInvoiceData(invoice, 'ubl');
  const validate = validatorFor(format);
  if (!validate(checked))
    throw new Error(`${invoice.number}: ${format} data refused: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  const data = formatter.syntax === 'CII' ? eInvoiceData(invoice, 'cii') : checked;
  formatter.fillInvoiceDefaults(data);
  return formatter.generate(data, {
    format: factory.normalizeFormat(format),
    lang: 'fr-fr',
    noWarnings: true,
    ...(pdf && { pdf: { buffer: pdf, filename: `${invoice.number}.pdf`, mimetype: 'application/pdf' } }),
  });
}

export async function renderFacturX(invoice: EInvoiceSource, fonts?: InvoiceFonts): Promise<Uint8Array> {
  const result = await generate(invoice, FACTUR_X_FORMAT, await renderInvoicePdf(invoice, fonts));
  if (typeof result === 'string') throw new Error('Factur-X: the library returned XML, not a PDF');
  return result;
}

async function renderXml(invoice: EInvoiceSource, format: 'CII' | 'UBL'): Promise<string> {
  const result = await generate(invoice, format);
  return typeof result === 'string' ? result : new TextDecoder().decode(result);
}

/** The CII XML that Factur-X embeds (UN/CEFACT Cross Industry Invoice D16B). */
export const renderCii = (invoice: EInvoiceSource) => renderXml(invoice, 'CII');

/** UBL 2.1, for the platforms that prefer it; between businesses only (hasUbl, ./e-invoice.ts). */
export const renderUbl = (invoice: EInvoiceSource) => renderXml(invoice, 'UBL');
