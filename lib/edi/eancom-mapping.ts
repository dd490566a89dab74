// Every code the shop's EANCOM messages write or expect, in one place: a hub's variant (the
// French book trade's EDI hub publishes its own guide to its members) changes this file, not the
// writer nor the reader. Sources, all public GS1 documents:
// - EANCOM® 97 (directory D.96A), ORDERS subset EAN008:
//   http://www.gs1.se/EANCOM%202000/orders/gd1.htm (UNH) and the segment pages beside it;
// - EANCOM® 2002 S3, ORDERS and DESADV (directory D.01B), segment layouts and examples:
//   http://www.eancom.com/ean02s3/part2/desadv/021.htm (message structure), GS1 in Europe eORDERS
//   example https://www.gs1-germany.de/internet/common/files/eEurope_english/orders/english/core/h61.htm;
// - UN/EDIFACT code lists of D.96A (UNTDID): 1001, 2005, 2379, 3035, 3055, 4451, 6063, 6069, 7143.

/** UNB S001: syntax identifier UNOC (ISO 8859-1, accents allowed), syntax version 3 (EANCOM's). */
export const SYNTAX = { identifier: 'UNOC', version: '3' } as const;

/** UNB S002/S003 qualifier 14 = the party is identified by its GLN (EAN location number). */
export const UNB_GLN_QUALIFIER = '14';

/** UNH S009 of the ORDERS the shop sends: EANCOM 97 on D.96A, subset version EAN008. */
export const ORDERS_MESSAGE = { type: 'ORDERS', version: 'D', release: '96A', agency: 'UN', subset: 'EAN008' } as const;

/**
 * DESADV read: EANCOM 97 (D.96A, EAN005) and EANCOM 2002 (D.01B, EAN007): distributors send
 * either. Any other release is refused rather than guessed at.
 */
export const DESADV_RELEASES = ['96A', '01B'] as const;
export const DESADV_TYPE = 'DESADV';

/** BGM 1001 (document name code): 220 = order, 351 = despatch advice. 1225 (function): 9 = original. */
export const BGM_ORDER = '220';
export const BGM_DESPATCH_ADVICE = '351';
export const BGM_ORIGINAL = '9';

/** DTM 2005: 137 = document/message date; 2379: 102 = CCYYMMDD. */
export const DTM_DOCUMENT_DATE = '137';
export const DTM_FORMAT_CCYYMMDD = '102';

/** NAD 3035: BY = buyer (the shop), SU = supplier (the distributor), DP = delivery party. */
export const NAD_BUYER = 'BY';
export const NAD_SUPPLIER = 'SU';
export const NAD_DELIVERY_PARTY = 'DP';
/** NAD C082 3055: 9 = EAN (GS1), the party identification being a GLN. */
export const GLN_AGENCY = '9';

/**
 * LIN C212 7143 (item number type): EN = EAN article number in D.96A (EANCOM 97); SRV = GS1
 * Global Trade Item Number in D.01B (EANCOM 2002). A book's EAN-13 is both. ORDERS writes EN.
 */
export const ITEM_NUMBER_TYPE_WRITTEN = 'EN';
export const ITEM_NUMBER_TYPES_READ = ['EN', 'SRV'] as const;

/** QTY 6063: 21 = ordered quantity, 12 = despatch quantity. */
export const QTY_ORDERED = '21';
export const QTY_DESPATCHED = '12';

/** RFF 1153: ON = order number (the buyer's), the purchase order a DESADV answers. */
export const RFF_ORDER_NUMBER = 'ON';

/** UNS 0081: S = the detail section ends, the summary begins. CNT 6069: 2 = number of line items. */
export const UNS_SUMMARY = 'S';
export const CNT_LINE_ITEMS = '2';

/**
 * Ferme / office. EANCOM has no code for the French trade's terms of sale: no PIA, IMD or ALI
 * code means "firm sale" or "on approval (office)". They go where the message allows free text,
 * one FTX per line item (SG25/SG17 FTX, 4451 = ZZZ "mutually defined"), its text FERME or OFFICE;
 * a hub with its own convention changes these three constants. The shop orders firm only: office
 * copies are sent unasked on the publisher's programme. A DESADV line without this FTX is
 * pre-filled as firm, and staff may change it before validating.
 */
export const FTX_TERMS_SUBJECT = 'ZZZ';
export const TERMS_TEXT = { firm: 'FERME', on_approval: 'OFFICE' } as const;

export type SupplyTermsCode = keyof typeof TERMS_TEXT;

export function termsFromText(text: string): SupplyTermsCode | null {
  const upper = text.trim().toUpperCase();
  if (upper === TERMS_TEXT.firm) return 'firm';
  if (upper === TERMS_TEXT.on_approval) return 'on_approval';
  return null;
}
