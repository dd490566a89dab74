// A purchase list as an EANCOM ORDERS message (EANCOM 97, D.96A, subset EAN008) in its
// interchange: what a distributor's or the trade hub's EDI system takes in. Segment order as in
// the ORDERS message structure chart (UNH, BGM, DTM, SG2 NAD, SG25 LIN-QTY-FTX, UNS, CNT, UNT),
// service segments UNB/UNZ as in ISO 9735; codes in ./eancom-mapping.ts.
import { failure, type Result } from '@/lib/core/result';
import { DEFAULT_SEPARATORS, unaString, writeSegment, type ElementValue } from './edifact-syntax';
import {
  BGM_ORDER,
  BGM_ORIGINAL,
  CNT_LINE_ITEMS,
  DTM_DOCUMENT_DATE,
  DTM_FORMAT_CCYYMMDD,
  FTX_TERMS_SUBJECT,
  GLN_AGENCY,
  ITEM_NUMBER_TYPE_WRITTEN,
  NAD_BUYER,
  NAD_DELIVERY_PARTY,
  NAD_SUPPLIER,
  ORDERS_MESSAGE,
  QTY_ORDERED,
  SYNTAX,
  TERMS_TEXT,
  UNB_GLN_QUALIFIER,
  UNS_SUMMARY,
  type SupplyTermsCode,
} from './eancom-mapping';

export type OrdersInput = {
  /** The shop's GLN: sender of the interchange, buyer and delivery party. */
  shopGln: string;
  /** The distributor's GLN: recipient, supplier. */
  supplierGln: string;
  /** BGM 1004, the number the distributor sends back in its DESADV's RFF+ON. */
  orderNumber: string;
  /** The calendar day the list was sent, "YYYY-MM-DD" (DTM 137). */
  orderDate: string;
  /** UNB 0020, at most 14 characters: the same for the same list, so a resent file is seen as one. */
  interchangeReference: string;
  /** When the file is written (UNB S004, Europe/Paris). */
  preparedAt: Date;
  lines: readonly { ean: string; quantity: number; terms: SupplyTermsCode }[];
};

/** The interchange reference of purchase order `id`: "CF" and its id on 12 digits (UNB 0020 is an..14). */
export function ordersInterchangeReference(id: number): string {
  return `CF${String(id).padStart(12, '0')}`;
}

/** YYMMDD and HHMM in Paris: UNB S004 in syntax version 3. */
function parisStamp(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      year: '2-digit',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}${parts.month}${parts.day}`, time: `${parts.hour}${parts.minute}` };
}

/** The interchange, one segment per line (CRLF, which ISO 9735 readers skip between segments). */
export function buildOrdersInterchange(input: OrdersInput): string {
  if (input.interchangeReference.length > 14) throw new Error('UNB 0020 is at most 14 characters.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.orderDate)) throw new Error(`Not a calendar day: ${input.orderDate}`);
  const messageReference = '1';
  const message: [string, ElementValue[]][] = [
    ['UNH', [messageReference, Object.values(ORDERS_MESSAGE)]],
    ['BGM', [BGM_ORDER, input.orderNumber, BGM_ORIGINAL]],
    ['DTM', [[DTM_DOCUMENT_DATE, input.orderDate.replace(/-/g, ''), DTM_FORMAT_CCYYMMDD]]],
    ['NAD', [NAD_BUYER, [input.shopGln, '', GLN_AGENCY]]],
    ['NAD', [NAD_SUPPLIER, [input.supplierGln, '', GLN_AGENCY]]],
    ['NAD', [NAD_DELIVERY_PARTY, [input.shopGln, '', GLN_AGENCY]]],
    ...input.lines.flatMap((line, index): [string, ElementValue[]][] => [
      ['LIN', [String(index + 1), '', [line.ean, ITEM_NUMBER_TYPE_WRITTEN]]],
      ['QTY', [[QTY_ORDERED, String(line.quantity)]]],
      ['FTX', [FTX_TERMS_SUBJECT, '', '', TERMS_TEXT[line.terms]]],
    ]),
    ['UNS', [UNS_SUMMARY]],
    ['CNT', [[CNT_LINE_ITEMS, String(input.lines.length)]]],
  ];
  // UNT 0074: the number of segments in the message, UNH and UNT included.
  message.push(['UNT', [String(message.length + 1), messageReference]]);
  const stamp = parisStamp(input.preparedAt);
  const interchange: [string, ElementValue[]][] = [
    [
      'UNB',
      [
        [SYNTAX.identifier, SYNTAX.version],
        [input.shopGln, UNB_GLN_QUALIFIER],
        [input.supplierGln, UNB_GLN_QUALIFIER],
        [stamp.date, stamp.time],
        input.interchangeReference,
      ],
    ],
    ...message,
    // UNZ 0036: the number of messages in the interchange.
    ['UNZ', ['1', input.interchangeReference]],
  ];
  return (
    [unaString(), ...interchange.map(([tag, elements]) => writeSegment(tag, elements, DEFAULT_SEPARATORS))].join(
      '\r\n',
    ) + '\r\n'
  );
}

/**
 * Whether a purchase list may leave as an ORDERS: once sent (the file is the order; a draft still
 * changes), not cancelled, both parties named by their GLN (NAD, UNB). The failure says who sets
 * what, for the 409 the export answers; success gives what the message needs.
 */
export function readyForOrdersExport(list: {
  status: string;
  sentOn: Date | null;
  supplierName: string;
  supplierGln: string | null;
  shopGln: string | null;
}): Result<{ sentOn: Date; supplierGln: string; shopGln: string }> {
  const { status, sentOn, supplierGln, shopGln } = list;
  if (status === 'draft' || !sentOn)
    return failure(
      'NOT_SENT',
      'Cette commande fournisseur n’est pas encore envoyée : marquez-la envoyée avant de l’exporter en EDI.',
    );
  if (status === 'cancelled')
    return failure('CANCELLED', 'Cette commande fournisseur est annulée : elle ne s’exporte plus en EDI.');
  if (!supplierGln)
    return failure(
      'SUPPLIER_GLN_MISSING',
      `${list.supplierName} n’a pas de GLN : renseignez-le dans /admin/catalogue/distributeurs avant l’export EDI.`,
    );
  if (!shopGln)
    return failure(
      'SHOP_GLN_MISSING',
      'La librairie n’a pas de GLN : un administrateur le renseigne dans /admin/reglages avant l’export EDI.',
    );
  return { ok: true, sentOn, supplierGln, shopGln };
}
