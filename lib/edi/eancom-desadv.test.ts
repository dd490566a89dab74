import { Reader } from 'edifact';
import { describe, expect, it } from 'vitest';
import { parseDeliveryNoteCsv } from './delivery-note-csv';
import { compareWithOrder } from './despatch-differences';
import { parseDespatchFile } from './despatch-file';
import { parseDespatchAdvice } from './eancom-desadv';
import { adaptedGs1Desadv, GS1_DESADV_EXAMPLE_SEGMENTS } from './fixtures/gs1-desadv';

const LIST = [
  { ean: '9782070368228', quantity: 3 },
  { ean: '9782253006329', quantity: 1 },
  { ean: '9782080702395', quantity: 12 },
];
const PARTIES = { orderNumber: 'LF-CF-42', supplierGln: '3019876000011', shopGln: '3012345000017' };
const adapted = adaptedGs1Desadv({ lines: LIST, ...PARTIES });

/** The adapted example with one segment replaced (by its text), or removed with `null`. */
const edited = (from: string, to: string | null) => {
  expect(adapted).toContain(from);
  return adapted.replace(`${from}\n`, to === null ? '' : `${to}\n`);
};
const messageOf = (text: string) => {
  const result = parseDespatchAdvice(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
};

describe('GS1’s DESADV example', () => {
  it('is the published message: 40 segments, UNT+40, four line items', () => {
    expect(GS1_DESADV_EXAMPLE_SEGMENTS).toHaveLength(40);
    expect(GS1_DESADV_EXAMPLE_SEGMENTS[0]).toBe("UNH+ME000001+DESADV:D:01B:UN:EAN007'");
    expect(GS1_DESADV_EXAMPLE_SEGMENTS.at(-1)).toBe("UNT+40+ME000001'");
  });

  it('as published, is refused for its grocery EANs, the segment named', () => {
    const message = messageOf(GS1_DESADV_EXAMPLE_SEGMENTS.join('\n'));
    expect(message).toBe(
      'Segment 25 (LIN) : « 5410738000152 » n’est pas l’EAN d’un livre (13 chiffres commençant par 978 ou 979, clé de contrôle juste).',
    );
  });

  it('adapted to a purchase list, gives the list’s EANs and quantities, the order and the despatch numbers', () => {
    const result = parseDespatchAdvice(adapted);
    expect(result).toMatchObject({
      ok: true,
      format: 'edifact',
      despatchNumber: 'DES587441',
      orderNumber: 'LF-CF-42',
      supplierGln: '3019876000011',
      buyerGln: '3012345000017',
    });
    expect(result.ok && result.lines.map(({ ean, quantity, terms }) => ({ ean, quantity, terms }))).toEqual(
      LIST.map((line) => ({ ...line, terms: null })),
    );
    expect(result.ok && result.lines[0]!.source).toBe('Segment 26 (LIN)');
  });

  it('adapted, is still a well-formed interchange for another parser (the edifact package)', () => {
    const segments = new Reader().parse(adapted);
    expect(segments.filter((s) => s.name === 'LIN').map((s) => s.elements[2])).toEqual(
      LIST.map((line) => [line.ean, 'SRV']),
    );
    expect(segments.find((s) => s.name === 'UNT')!.elements[0]).toEqual([String(segments.length - 2)]);
  });

  it('reads the same message written with other separators (UNA) and released characters', () => {
    const other = adapted
      .replace("UNA:+.? '", 'UNA|*.# ~')
      .replace(/'\n/g, '~\n')
      .replace(/\+/g, '*')
      .replace(/:/g, '|')
      .replace('BGM*351*DES587441*9~', 'BGM*351*DES#*58#~7441*9~');
    const result = parseDespatchAdvice(other);
    expect(result.ok && result.despatchNumber).toBe('DES*58~7441');
    expect(result.ok && result.lines.map((l) => l.quantity)).toEqual([3, 1, 12]);
  });

  it('sums a book found in two packages, and reads ferme/office from the line’s FTX', () => {
    const text = adaptedGs1Desadv({ lines: [LIST[0]!, LIST[1]!, LIST[0]!], ...PARTIES }).replace(
      "QTY+12:1'",
      "QTY+12:1'\nFTX+ZZZ+++OFFICE'",
    );
    const fixed = text.replace(/UNT\+(\d+)/, (_, n: string) => `UNT+${Number(n) + 1}`);
    const result = parseDespatchAdvice(fixed);
    expect(result.ok && result.lines.map(({ ean, quantity, terms }) => [ean, quantity, terms])).toEqual([
      ['9782070368228', 6, null],
      ['9782253006329', 1, 'on_approval'],
    ]);
  });
});

describe('a malformed DESADV', () => {
  it.each([
    [
      'a quantity that is not a number',
      () => edited("QTY+12:1'", "QTY+12:abc'"),
      'Segment 35 (QTY) : quantité « abc » invalide (un nombre entier d’exemplaires entre 1 et 9999).',
    ],
    [
      'a UNT that miscounts',
      () => edited("UNT+38+ME000001'", "UNT+41+ME000001'"),
      'Segment 39 (UNT) : le message compte 38 segments (de l’UNH à l’UNT), l’UNT en annonce « 41 ».',
    ],
    [
      'no BGM',
      () => edited("BGM+351+DES587441+9'", null).replace('UNT+38', 'UNT+37'),
      'Segment 3 (DTM) : segment BGM attendu juste après l’UNH (type et numéro de l’avis d’expédition).',
    ],
    [
      'not a despatch advice',
      () => edited("UNH+ME000001+DESADV:D:01B:UN:EAN007'", "UNH+ME000001+ORDERS:D:96A:UN:EAN008'"),
      'Segment 2 (UNH) : ce fichier est un message « ORDERS », pas un avis d’expédition (DESADV).',
    ],
    [
      'a wrong check digit',
      () => edited("LIN+2++9782253006329:SRV'", "LIN+2++9782253006328:SRV'"),
      'Segment 34 (LIN) : « 9782253006328 » n’est pas l’EAN d’un livre (13 chiffres commençant par 978 ou 979, clé de contrôle juste).',
    ],
    [
      'a line without its despatched quantity',
      () => edited("QTY+12:1'", null).replace('UNT+38', 'UNT+37'),
      'Segment 34 (LIN) : la ligne n’a pas de quantité expédiée (QTY+12).',
    ],
    [
      'an UNZ that miscounts',
      () => edited("UNZ+1+DESADV0001'", "UNZ+2+DESADV0001'"),
      'Segment 40 (UNZ) : l’échange contient 1 message, l’UNZ en annonce « 2 ».',
    ],
    [
      'a segment cut short',
      () => adapted.replace("UNZ+1+DESADV0001'", 'UNZ+1+DESADV0001'),
      "Segment 40 : le fichier s’arrête au milieu d’un segment (terminateur « ' » manquant).",
    ],
    [
      'a bad tag',
      () => edited("CPS+1'", "CP+1'"),
      'Segment 16 : étiquette « CP » invalide (trois lettres ou chiffres attendus, comme LIN ou QTY).',
    ],
  ])('%s: its French message names the segment', (_label, make, message) => {
    expect(messageOf(make())).toBe(message);
  });

  it('two messages in one file are refused', () => {
    const twice = adapted.replace(
      "UNZ+1+DESADV0001'",
      `${adapted.split('\n').slice(2, -2).join('\n')}\nUNZ+2+DESADV0001'`,
    );
    expect(messageOf(twice)).toMatch(/^Segment 40 \(UNH\) : un seul avis d’expédition par fichier/);
  });
});

describe('a distributor’s CSV delivery note', () => {
  it('reads EAN;quantité lines, a header and further columns allowed', () => {
    const result = parseDeliveryNoteCsv(
      'EAN;Quantité;Titre\r\n978-2-07-036822-8;3;L’Étranger\r\n9782253006329;1;x\r\n9782070368228;2;\r\n',
    );
    expect(result.ok && result.lines.map(({ ean, quantity, source }) => [ean, quantity, source])).toEqual([
      ['9782070368228', 5, 'Ligne 2'],
      ['9782253006329', 1, 'Ligne 3'],
    ]);
  });

  it.each([
    ['9782070368228;abc', 'Ligne 2 : quantité « abc » invalide (un nombre entier d’exemplaires entre 1 et 9999).'],
    ['9782070368228;0', 'Ligne 2 : quantité « 0 » invalide (un nombre entier d’exemplaires entre 1 et 9999).'],
    [';3', 'Ligne 2 : EAN manquant.'],
  ])('refuses %s naming the line', (line, message) => {
    const result = parseDeliveryNoteCsv(`EAN;quantité\n${line}\n`);
    expect(!result.ok && result.message).toBe(message);
  });

  it('is told from an EDIFACT file by its first characters, Latin-1 or UTF-8', () => {
    expect(parseDespatchFile(new TextEncoder().encode(adapted))).toMatchObject({ ok: true, format: 'edifact' });
    expect(parseDespatchFile(Uint8Array.from([...'9782070368228;2\n'].map((c) => c.charCodeAt(0))))).toMatchObject({
      ok: true,
      format: 'csv',
    });
  });
});

describe('the differences with what was ordered', () => {
  it('lists the books missing, not ordered, and with more or fewer copies; nothing when they agree', () => {
    const ordered = [
      { ean: 'A', quantity: 3 },
      { ean: 'B', quantity: 1 },
      { ean: 'C', quantity: 2 },
      { ean: 'D', quantity: 5 },
    ];
    const received = [
      { ean: 'A', quantity: 3 },
      { ean: 'C', quantity: 4 },
      { ean: 'D', quantity: 1 },
      { ean: 'E', quantity: 2 },
    ];
    expect(compareWithOrder(ordered, received)).toEqual([
      { ean: 'B', ordered: 1, received: 0, kind: 'missing' },
      { ean: 'C', ordered: 2, received: 4, kind: 'more' },
      { ean: 'D', ordered: 5, received: 1, kind: 'fewer' },
      { ean: 'E', ordered: 0, received: 2, kind: 'extra' },
    ]);
    expect(compareWithOrder(ordered, ordered)).toEqual([]);
  });
});
