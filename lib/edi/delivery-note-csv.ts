// A distributor's delivery note as CSV (the file its extranet exports beside the parcel): one
// line per book, "EAN;quantité", further columns (title, price…) ignored; ";" "," or tab between
// columns, a header line allowed, UTF-8 or Latin-1 (lib/stock/inventory-csv.ts, the house CSV
// conventions). All or nothing: the first bad line is named, nothing is pre-filled.
import { readScannedCode } from '@/lib/stock/scanned-code';
import {
  addAnnounced,
  invalidDespatch,
  MAX_ANNOUNCED_COPIES,
  MAX_ANNOUNCED_LINES,
  type AnnouncedDelivery,
  type AnnouncedLine,
  type DespatchFailure,
} from './despatch-advice';

const HEADER = /^\s*"?(ean|isbn|code|gtin)/i;

export function parseDeliveryNoteCsv(text: string): ({ ok: true } & AnnouncedDelivery) | DespatchFailure {
  const lines: AnnouncedLine[] = [];
  const rows = text.split(/\r\n|\n|\r/);
  for (const [index, raw] of rows.entries()) {
    const number = index + 1;
    const row = raw.trim();
    if (row === '' || (index === 0 && HEADER.test(row))) continue;
    const at = `Ligne ${number}`;
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(row))
      return invalidDespatch(`${at} : caractère de contrôle dans la ligne.`);
    const [eanField = '', quantityField = ''] = row.split(/[;,\t]/).map((field) =>
      field
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
    const code = readScannedCode(eanField);
    if (!code.ok) return invalidDespatch(`${at} : ${code.code === 'EMPTY' ? 'EAN manquant.' : code.message}`);
    const quantity = /^\d{1,4}$/.test(quantityField) ? Number(quantityField) : 0;
    if (quantity < 1)
      return invalidDespatch(
        `${at} : quantité « ${quantityField.slice(0, 20)} » invalide (un nombre entier d’exemplaires entre 1 et ${MAX_ANNOUNCED_COPIES}).`,
      );
    if (!addAnnounced(lines, { ean: code.ean, quantity, terms: null, source: at }))
      return invalidDespatch(
        `${at} : trop grand pour une réception (${MAX_ANNOUNCED_LINES} livres et ${MAX_ANNOUNCED_COPIES} exemplaires par livre au plus).`,
      );
  }
  if (lines.length === 0) return invalidDespatch('Le fichier ne contient aucune ligne « EAN;quantité ».');
  return { ok: true, format: 'csv', despatchNumber: null, orderNumber: null, supplierGln: null, buyerGln: null, lines };
}
