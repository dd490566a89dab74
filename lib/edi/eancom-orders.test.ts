import { Reader } from 'edifact';
import { describe, expect, it } from 'vitest';
import {
  buildOrdersInterchange,
  ordersInterchangeReference,
  readyForOrdersExport,
  type OrdersInput,
} from './eancom-orders';
import { escapeValue, readSegments, writeSegment } from './edifact-syntax';

const LIST: OrdersInput = {
  shopGln: '3012345000017',
  supplierGln: '3019876000011',
  orderNumber: 'LF-CF-42',
  orderDate: '2026-12-07',
  interchangeReference: ordersInterchangeReference(42),
  preparedAt: new Date('2026-12-07T09:05:00Z'),
  lines: [
    { ean: '9782070368228', quantity: 3, terms: 'firm' },
    { ean: '9782253006329', quantity: 1, terms: 'firm' },
    { ean: '9782080702395', quantity: 12, terms: 'firm' },
  ],
};

/** The interchange as the `edifact` package reads it (it validates each service and data segment it knows). */
const parsedByOthers = (text: string) => new Reader().parse(text);

describe('the EDIFACT writer', () => {
  it('releases the separators and the release character inside a value', () => {
    expect(escapeValue("L'Été : 1+1=2 ?")).toBe("L?'Été ?: 1?+1=2 ??");
    expect(writeSegment('FTX', ['ZZZ', '', '', "C'est ça: oui+non?"])).toBe("FTX+ZZZ+++C?'est ça?: oui?+non??'");
  });

  it('drops empty trailing elements and components, keeps the empty ones in between', () => {
    expect(writeSegment('NAD', ['BY', ['3012345000017', '', '9']])).toBe("NAD+BY+3012345000017::9'");
    expect(writeSegment('LIN', ['1', '', ['9782070368228', 'EN'], '', ''])).toBe("LIN+1++9782070368228:EN'");
    expect(writeSegment('X01', ['a', ['b', '', '']])).toBe("X01+a+b'");
  });

  it('reads back what it wrote, value for value, even with released characters', () => {
    // UNOC (ISO 8859-1) declared in the UNB, so lower case and accents are allowed.
    const text = `UNA:+.? 'UNB+UNOC:3+1:14+2:14+261207:1005+X'${writeSegment('FTX', ['ZZZ', '', '', "l'été:c+d?e"])}`;
    const read = readSegments(text);
    expect(read.ok && read.segments[1]!.elements[3]).toEqual(["l'été:c+d?e"]);
    expect(parsedByOthers(text)[1]!.elements[3]).toEqual(["l'été:c+d?e"]);
  });
});

describe('the ORDERS of a purchase list', () => {
  const text = buildOrdersInterchange(LIST);
  const segments = parsedByOthers(text);
  const names = segments.map((segment) => segment.name);

  it('is read by a maintained EDIFACT parser as an EANCOM ORDERS D.96A', () => {
    expect(text.startsWith("UNA:+.? '")).toBe(true);
    expect(segments[0]).toEqual({
      name: 'UNB',
      elements: [
        ['UNOC', '3'],
        ['3012345000017', '14'],
        ['3019876000011', '14'],
        ['261207', '1005'],
        ['CF000000000042'],
      ],
    });
    expect(segments[1]).toEqual({ name: 'UNH', elements: [['1'], ['ORDERS', 'D', '96A', 'UN', 'EAN008']] });
    expect(segments.find((s) => s.name === 'BGM')!.elements).toEqual([['220'], ['LF-CF-42'], ['9']]);
    expect(segments.find((s) => s.name === 'DTM')!.elements).toEqual([['137', '20261207', '102']]);
  });

  it('names the shop as buyer and delivery party and the distributor as supplier, by GLN', () => {
    const parties = segments.filter((s) => s.name === 'NAD').map((s) => [s.elements[0]![0], s.elements[1]]);
    expect(parties).toEqual([
      ['BY', ['3012345000017', '', '9']],
      ['SU', ['3019876000011', '', '9']],
      ['DP', ['3012345000017', '', '9']],
    ]);
  });

  it('has one LIN per EAN with its ordered quantity, equal to the list', () => {
    const lines = segments.flatMap((segment, index) =>
      segment.name === 'LIN'
        ? [
            {
              number: segment.elements[0]![0],
              ean: segment.elements[2]![0],
              type: segment.elements[2]![1],
              qty: segments[index + 1]!.elements[0],
              terms: segments[index + 2]!.elements[3]![0],
            },
          ]
        : [],
    );
    expect(lines).toEqual(
      LIST.lines.map((line, index) => ({
        number: String(index + 1),
        ean: line.ean,
        type: 'EN',
        qty: ['21', String(line.quantity)],
        terms: 'FERME',
      })),
    );
    expect(segments.find((s) => s.name === 'CNT')!.elements).toEqual([['2', '3']]);
  });

  it('counts its segments in UNT (UNH to UNT included) and its messages in UNZ', () => {
    const unh = names.indexOf('UNH');
    const unt = names.indexOf('UNT');
    expect(segments[unt]!.elements).toEqual([[String(unt - unh + 1)], ['1']]);
    expect(unt - unh + 1).toBe(6 + 3 * 3 + 2 + 1);
    expect(names.filter((n) => n === 'UNH')).toHaveLength(1);
    expect(segments.at(-1)).toEqual({ name: 'UNZ', elements: [['1'], ['CF000000000042']] });
  });

  it('is the same file for the same list, and another reference for another list', () => {
    expect(buildOrdersInterchange(LIST)).toBe(text);
    expect(ordersInterchangeReference(43)).not.toBe(LIST.interchangeReference);
    expect(ordersInterchangeReference(123_456_789)).toHaveLength(14);
  });
});

describe('readyForOrdersExport', () => {
  const sent = {
    status: 'sent',
    sentOn: new Date('2026-12-07T10:00:00Z'),
    supplierName: 'Dilisco',
    supplierGln: '3019876000011',
    shopGln: '3012345000017',
  };
  it('lets a sent list with both GLNs go, and says what is missing otherwise, in order', () => {
    expect(readyForOrdersExport(sent)).toMatchObject({ ok: true, supplierGln: '3019876000011' });
    expect(readyForOrdersExport({ ...sent, status: 'draft', sentOn: null })).toMatchObject({ code: 'NOT_SENT' });
    expect(readyForOrdersExport({ ...sent, status: 'cancelled' })).toMatchObject({ code: 'CANCELLED' });
    expect(readyForOrdersExport({ ...sent, supplierGln: null })).toMatchObject({
      code: 'SUPPLIER_GLN_MISSING',
      message: expect.stringContaining('Dilisco'),
    });
    expect(readyForOrdersExport({ ...sent, shopGln: null })).toMatchObject({ code: 'SHOP_GLN_MISSING' });
  });
});
