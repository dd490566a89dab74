import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What a PDF the shop hands out (an invoice, a credit note, a quote) says, read with poppler's
// pdftotext as a customer's reader would show it.

/** Spaces as a PDF's text gives them: the no-break ones of fr-FR amounts become plain ones. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ');

export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'document-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return plain(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
