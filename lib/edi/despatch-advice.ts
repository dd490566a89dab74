// What a distributor says it sent, whatever the file (an EANCOM DESADV, or its CSV delivery
// note): the books and copies, the despatch number, the purchase order it answers. Pure: read
// from the file's text, checked against the catalog and the purchase orders by the caller.
import { failure, type Failure } from '@/lib/core/result';
import type { SupplyTermsCode } from './eancom-mapping';

export type AnnouncedLine = {
  ean: string;
  quantity: number;
  /** Ferme or office when the file says it, else null (staff choose; firm by default). */
  terms: SupplyTermsCode | null;
  /** Where the line is in the file, for a message about it: "Segment 26 (LIN)", "Ligne 3". */
  source: string;
};

export type AnnouncedDelivery = {
  format: 'edifact' | 'csv';
  /** BGM 1004 of a DESADV: the distributor's number for the despatch (its delivery note). */
  despatchNumber: string | null;
  /** RFF+ON: the shop's purchase order number the parcel answers. */
  orderNumber: string | null;
  supplierGln: string | null;
  buyerGln: string | null;
  /** One per EAN, in the file's order; an EAN in several packages is summed. */
  lines: AnnouncedLine[];
};

export type DespatchFailure = Failure<'INVALID_DESPATCH_ADVICE'>;

export const invalidDespatch = (message: string): DespatchFailure => failure('INVALID_DESPATCH_ADVICE', message);

/** Copies of one book on one delivery line at most (the receiving form's bound). */
export const MAX_ANNOUNCED_COPIES = 9999;
/** Lines per file at most (the receiving form's bound, MAX_DOCUMENT_LINES). */
export const MAX_ANNOUNCED_LINES = 500;

/** Adds a line, summing the copies of an EAN already announced. Returns false past the bounds. */
export function addAnnounced(lines: AnnouncedLine[], line: AnnouncedLine): boolean {
  const existing = lines.find((l) => l.ean === line.ean);
  if (existing) {
    existing.quantity += line.quantity;
    existing.terms ??= line.terms;
    return existing.quantity <= MAX_ANNOUNCED_COPIES;
  }
  lines.push({ ...line });
  return lines.length <= MAX_ANNOUNCED_LINES;
}
