// An inventory terminal's file: one line per book, "EAN;quantité" (a header line allowed,
// ";", "," or tab between the two, Windows or Unix line ends, UTF-8 or Latin-1). Pure. The file
// is all or nothing: one bad line and nothing is applied, and every bad line is reported with its
// number and reason, so the bookseller fixes the file once.
import { readScannedCode } from './scanned-code';

export const MAX_COUNTED_COPIES = 99_999;
export const MAX_CSV_LINES = 100_000;

export type CsvRejection = { line: number; reason: string };

export type ParsedCount =
  | { ok: true; quantities: Map<string, number>; lineCount: number; copies: number }
  | { ok: false; message: string; rejections: CsvRejection[] };

/** Reports at most this many bad lines (a wrong file would otherwise list 100,000). */
const MAX_REPORTED = 200;

const HEADER = /^\s*"?(ean|isbn|code)/i;

/** The file's text: UTF-8 when it is valid UTF-8, else Latin-1 (Excel's "CSV" in French Windows). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export function parseCountCsv(text: string): ParsedCount {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > MAX_CSV_LINES + 1) {
    return {
      ok: false,
      message: `Fichier trop long : ${MAX_CSV_LINES.toLocaleString('fr-FR')} lignes au plus. Découpez-le en plusieurs fichiers.`,
      rejections: [],
    };
  }
  const quantities = new Map<string, number>();
  const rejections: CsvRejection[] = [];
  let lineCount = 0;
  let copies = 0;
  lines.forEach((raw, index) => {
    const number = index + 1;
    const line = raw.trim();
    if (line === '') return;
    if (index === 0 && HEADER.test(line)) return;
    const reject = (reason: string) => {
      rejections.push({ line: number, reason });
    };
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(line))
      return reject('caractère de contrôle dans la ligne');
    const fields = line.split(/[;,\t]/).map((field) =>
      field
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim(),
    );
    if (fields.length !== 2)
      return reject(`2 colonnes attendues (EAN;quantité), ${fields.length} trouvée${fields.length > 1 ? 's' : ''}`);
    const [eanField = '', quantityField = ''] = fields;
    const code = readScannedCode(eanField);
    if (!code.ok) return reject(code.code === 'EMPTY' ? 'EAN manquant' : code.message);
    if (!/^\d{1,5}$/.test(quantityField)) {
      return reject(
        quantityField === ''
          ? 'quantité manquante'
          : `quantité « ${quantityField.slice(0, 20)} » invalide : un nombre entier entre 0 et ${MAX_COUNTED_COPIES}`,
      );
    }
    const quantity = Number(quantityField);
    const total = (quantities.get(code.ean) ?? 0) + quantity;
    if (total > MAX_COUNTED_COPIES) return reject(`plus de ${MAX_COUNTED_COPIES} exemplaires comptés pour ${code.ean}`);
    quantities.set(code.ean, total);
    lineCount += 1;
    copies += quantity;
  });
  if (rejections.length > 0) {
    const shown = rejections.slice(0, MAX_REPORTED);
    return {
      ok: false,
      message: `${rejections.length} ligne${rejections.length > 1 ? 's' : ''} refusée${rejections.length > 1 ? 's' : ''} : rien n’a été importé. Corrigez le fichier et importez-le à nouveau.`,
      rejections: shown,
    };
  }
  if (lineCount === 0)
    return { ok: false, message: 'Le fichier ne contient aucune ligne « EAN;quantité ».', rejections: [] };
  return { ok: true, quantities, lineCount, copies };
}
