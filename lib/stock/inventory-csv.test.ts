import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCountCsv } from './inventory-csv';

describe('parseCountCsv', () => {
  it('reads EAN;quantité lines, a header, CRLF, commas, tabs, quotes, and sums a book met twice', () => {
    const result = parseCountCsv('EAN;Quantité\r\n9782296013681;3\r\n"9782130835219",2\n9782296013681\t1\n\n');
    expect(result).toEqual({
      ok: true,
      quantities: new Map([
        ['9782296013681', 4],
        ['9782130835219', 2],
      ]),
      lineCount: 3,
      copies: 6,
    });
  });

  it('accepts a zero (a book counted and not found)', () => {
    expect(parseCountCsv('9782296013681;0')).toMatchObject({ ok: true, copies: 0 });
  });

  it('refuses the whole file and reports every bad line with its number and reason', () => {
    const result = parseCountCsv(
      [
        '9782296013681;3',
        '9782296013682;1',
        'abc;2',
        '9782296013681',
        '9782296013681;-1',
        '9782296013681;1,5',
        ';4',
        '9782296013681;2;x',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(
      '7 lignes refusées : rien n’a été importé. Corrigez le fichier et importez-le à nouveau.',
    );
    expect(result.rejections.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.rejections[0]!.reason).toContain('clé de contrôle');
    expect(result.rejections[2]!.reason).toBe('2 colonnes attendues (EAN;quantité), 1 trouvée');
    expect(result.rejections[3]!.reason).toContain('quantité « -1 » invalide');
    expect(result.rejections[5]!.reason).toBe('EAN manquant');
  });

  it('refuses control characters, an empty file and an absurd count', () => {
    expect(parseCountCsv('9782296013681;\u00003')).toMatchObject({ ok: false });
    expect(parseCountCsv('')).toMatchObject({
      ok: false,
      message: 'Le fichier ne contient aucune ligne « EAN;quantité ».',
    });
    expect(parseCountCsv('9782296013681;99999\n9782296013681;1')).toMatchObject({ ok: false });
  });

  it('reports at most 200 bad lines of a file that is not a count at all', () => {
    const result = parseCountCsv(Array.from({ length: 1000 }, () => 'bonjour').join('\n'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('1000 lignes refusées') });
    expect(!result.ok && result.rejections.length).toBe(200);
  });

  it('decodes UTF-8 with a byte order mark, and Latin-1', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x45, 0x41, 0x4e]))).toBe('EAN');
    expect(decodeCsv(new Uint8Array([0x51, 0x75, 0x61, 0x6e, 0x74, 0x69, 0x74, 0xe9]))).toBe('Quantité');
  });
});
