// An EANCOM DESADV (despatch advice) read into the books and copies of a parcel, or a French
// message naming the segment at fault and its rank in the file ("Segment 7 (QTY) : …"), so the
// bookseller can tell the distributor what is wrong. Segment meanings: GS1, EANCOM® 2002 S3
// DESADV, §5 "Segments layout" (http://www.eancom.com/ean02s3/part2/desadv/021.htm) and EANCOM 97
// DESADV (https://ref.gs1.org/standards/eancom/1997/, DESADV); codes in ./eancom-mapping.ts.
// Read: UNH (type and release), BGM (351, despatch number), RFF+ON, NAD+SU/BY (GLN), each LIN
// (EAN) with its QTY+12 and FTX terms, UNT (segment count) and UNZ (message count). The packing
// hierarchy (CPS, PAC, MEA, PCI, GIN) and dates are skipped: receiving needs books and copies.
import { readScannedCode } from '@/lib/stock/scanned-code';
import { readSegments, valueAt, type ReadSegment } from './edifact-syntax';
import {
  BGM_DESPATCH_ADVICE,
  DESADV_RELEASES,
  DESADV_TYPE,
  FTX_TERMS_SUBJECT,
  GLN_AGENCY,
  ITEM_NUMBER_TYPES_READ,
  NAD_BUYER,
  NAD_SUPPLIER,
  QTY_DESPATCHED,
  RFF_ORDER_NUMBER,
  termsFromText,
} from './eancom-mapping';
import {
  addAnnounced,
  invalidDespatch,
  MAX_ANNOUNCED_COPIES,
  MAX_ANNOUNCED_LINES,
  type AnnouncedDelivery,
  type AnnouncedLine,
  type DespatchFailure,
} from './despatch-advice';

const at = (segment: ReadSegment) => `Segment ${segment.position} (${segment.tag})`;
const shown = (value: string) => `« ${value.slice(0, 40)} »`;

/** Segments that end a line item's group (SG17 in D.01B, SG15 in D.96A). */
const ENDS_LINE_ITEM = new Set(['LIN', 'CPS', 'UNS', 'CNT', 'UNT']);

export function parseDespatchAdvice(text: string): ({ ok: true } & AnnouncedDelivery) | DespatchFailure {
  const read = readSegments(text);
  if (!read.ok) return invalidDespatch(read.message);
  const { segments, separators } = read;

  const headers = segments.filter((s) => s.tag === 'UNH');
  if (headers.length === 0)
    return invalidDespatch('Aucun message dans ce fichier : segment UNH (en-tête de message) introuvable.');
  if (headers.length > 1)
    return invalidDespatch(
      `${at(headers[1]!)} : un seul avis d’expédition par fichier, celui-ci en contient ${headers.length}.`,
    );
  const unh = headers[0]!;
  const type = valueAt(unh, 1, 0);
  const release = valueAt(unh, 1, 2);
  if (type !== DESADV_TYPE)
    return invalidDespatch(`${at(unh)} : ce fichier est un message ${shown(type)}, pas un avis d’expédition (DESADV).`);
  if (valueAt(unh, 1, 1) !== 'D' || !(DESADV_RELEASES as readonly string[]).includes(release))
    return invalidDespatch(
      `${at(unh)} : version ${shown(`${valueAt(unh, 1, 1)}:${release}`)} non lue ; EANCOM 97 (D:96A) ou EANCOM 2002 (D:01B) attendues.`,
    );

  const unhIndex = segments.indexOf(unh);
  const untIndex = segments.findIndex((s, index) => index > unhIndex && s.tag === 'UNT');
  if (untIndex < 0) return invalidDespatch(`${at(unh)} : le message n’a pas de segment UNT (fin de message).`);
  const message = segments.slice(unhIndex, untIndex + 1);
  const unt = segments[untIndex]!;

  const bgm = message[1]!;
  if (bgm.tag !== 'BGM')
    return invalidDespatch(
      `${at(bgm)} : segment BGM attendu juste après l’UNH (type et numéro de l’avis d’expédition).`,
    );
  if (valueAt(bgm, 0, 0) !== BGM_DESPATCH_ADVICE)
    return invalidDespatch(
      `${at(bgm)} : document de type ${shown(valueAt(bgm, 0, 0))}, pas un avis d’expédition (${BGM_DESPATCH_ADVICE}).`,
    );
  const despatchNumber = valueAt(bgm, 1, 0).trim();
  if (despatchNumber === '' || despatchNumber.length > 40 || /[\u0000-\u001F\u007F]/.test(despatchNumber))
    return invalidDespatch(`${at(bgm)} : numéro d’avis d’expédition manquant ou invalide (40 caractères au plus).`);

  // UNT 0074 counts the message's segments, UNH and UNT included; 0062 repeats UNH's reference.
  const counted = valueAt(unt, 0, 0);
  if (counted !== String(message.length))
    return invalidDespatch(
      `${at(unt)} : le message compte ${message.length} segments (de l’UNH à l’UNT), l’UNT en annonce ${shown(counted)}.`,
    );
  if (valueAt(unt, 1, 0) !== valueAt(unh, 0, 0))
    return invalidDespatch(`${at(unt)} : la référence ${shown(valueAt(unt, 1, 0))} n’est pas celle de l’UNH.`);

  const unb = segments.find((s) => s.tag === 'UNB');
  const unz = segments.find((s) => s.tag === 'UNZ');
  if (unb && !unz) return invalidDespatch(`${at(unb)} : l’échange n’a pas de segment UNZ (fin d’échange).`);
  if (unz) {
    if (valueAt(unz, 0, 0) !== '1')
      return invalidDespatch(
        `${at(unz)} : l’échange contient 1 message, l’UNZ en annonce ${shown(valueAt(unz, 0, 0))}.`,
      );
    if (unb && valueAt(unz, 1, 0) !== valueAt(unb, 4, 0))
      return invalidDespatch(`${at(unz)} : la référence ${shown(valueAt(unz, 1, 0))} n’est pas celle de l’UNB.`);
  }

  let orderNumber: string | null = null;
  let supplierGln: string | null = null;
  let buyerGln: string | null = null;
  const lines: AnnouncedLine[] = [];
  for (let index = 2; index < message.length - 1; index += 1) {
    const segment = message[index]!;
    if (segment.tag === 'RFF' && valueAt(segment, 0, 0) === RFF_ORDER_NUMBER && orderNumber === null)
      orderNumber = valueAt(segment, 0, 1).trim() || null;
    if (segment.tag === 'NAD' && valueAt(segment, 1, 2) === GLN_AGENCY) {
      if (valueAt(segment, 0, 0) === NAD_SUPPLIER) supplierGln = valueAt(segment, 1, 0);
      if (valueAt(segment, 0, 0) === NAD_BUYER) buyerGln = valueAt(segment, 1, 0);
    }
    if (segment.tag !== 'LIN') continue;
    const item = readLineItem(message, index, separators.decimal);
    if (!item.ok) return item;
    if (!addAnnounced(lines, item.line))
      return invalidDespatch(
        `${at(segment)} : trop grand pour une réception (${MAX_ANNOUNCED_LINES} livres et ${MAX_ANNOUNCED_COPIES} exemplaires par livre au plus).`,
      );
  }
  if (lines.length === 0) return invalidDespatch(`${at(unt)} : le message n’annonce aucun livre (aucun segment LIN).`);
  return { ok: true, format: 'edifact', despatchNumber, orderNumber, supplierGln, buyerGln, lines };
}

/** The line item opened by the LIN at `index`: its EAN, its QTY+12, its terms in FTX. */
function readLineItem(
  message: ReadSegment[],
  index: number,
  decimalMark: string,
): { ok: true; line: AnnouncedLine } | DespatchFailure {
  const lin = message[index]!;
  const number = valueAt(lin, 2, 0);
  const type = valueAt(lin, 2, 1);
  if (number === '')
    return invalidDespatch(`${at(lin)} : la ligne n’identifie pas de livre (EAN attendu dans le LIN).`);
  if (!(ITEM_NUMBER_TYPES_READ as readonly string[]).includes(type))
    return invalidDespatch(`${at(lin)} : type d’article ${shown(type)} inconnu ; EN ou SRV (EAN/GTIN) attendu.`);
  const code = readScannedCode(number);
  if (!code.ok || code.ean !== number)
    return invalidDespatch(
      `${at(lin)} : ${shown(number)} n’est pas l’EAN d’un livre (13 chiffres commençant par 978 ou 979, clé de contrôle juste).`,
    );
  let quantity: number | null = null;
  let terms: AnnouncedLine['terms'] = null;
  for (let next = index + 1; next < message.length && !ENDS_LINE_ITEM.has(message[next]!.tag); next += 1) {
    const segment = message[next]!;
    if (segment.tag === 'QTY' && valueAt(segment, 0, 0) === QTY_DESPATCHED) {
      const raw = valueAt(segment, 0, 1);
      const integer = new RegExp(`^(\\d{1,4})(?:\\${decimalMark}0+)?$`).exec(raw);
      const value = integer ? Number(integer[1]) : NaN;
      if (!(value >= 1 && value <= MAX_ANNOUNCED_COPIES))
        return invalidDespatch(
          `${at(segment)} : quantité ${shown(raw)} invalide (un nombre entier d’exemplaires entre 1 et ${MAX_ANNOUNCED_COPIES}).`,
        );
      quantity = value;
    }
    if (segment.tag === 'FTX' && valueAt(segment, 0, 0) === FTX_TERMS_SUBJECT)
      terms = termsFromText(valueAt(segment, 3, 0)) ?? terms;
  }
  if (quantity === null)
    return invalidDespatch(`${at(lin)} : la ligne n’a pas de quantité expédiée (QTY+${QTY_DESPATCHED}).`);
  return { ok: true, line: { ean: number, quantity, terms, source: at(lin) } };
}
