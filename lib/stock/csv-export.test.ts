import { describe, expect, it } from 'vitest';
import { csvEuros, toCsv } from './csv-export';

describe('toCsv', () => {
  it('separates with ";", ends lines with CRLF, starts with a BOM, quotes what needs it', () => {
    expect(toCsv(['EAN', 'Titre', 'Qté'], [['9782296013681', 'Droit; "public"', 3]])).toBe(
      '\uFEFFEAN;Titre;Qté\r\n9782296013681;"Droit; ""public""";3\r\n',
    );
  });

  it('never lets a spreadsheet run a cell as a formula, but keeps negative amounts', () => {
    expect(toCsv(['a', 'b', 'c'], [['=HYPERLINK("x")', '-12,50', -2]])).toBe(
      '\uFEFFa;b;c\r\n"\'=HYPERLINK(""x"")";-12,50;-2\r\n',
    );
  });

  it('writes cents as French decimals', () => {
    expect(csvEuros(123456)).toBe('1234,56');
    expect(csvEuros(5)).toBe('0,05');
    expect(csvEuros(-250)).toBe('-2,50');
  });
});
