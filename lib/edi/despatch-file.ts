// An uploaded despatch advice, whichever the distributor sends: an EDIFACT interchange (it
// starts with UNA, UNB or UNH) is read as an EANCOM DESADV, anything else as its CSV delivery note.
import { decodeCsv } from '@/lib/stock/inventory-csv';
import { parseDeliveryNoteCsv } from './delivery-note-csv';
import type { AnnouncedDelivery, DespatchFailure } from './despatch-advice';
import { parseDespatchAdvice } from './eancom-desadv';

export function parseDespatchFile(bytes: Uint8Array): ({ ok: true } & AnnouncedDelivery) | DespatchFailure {
  const text = decodeCsv(bytes);
  return /^\s*UN[ABH]/.test(text) ? parseDespatchAdvice(text) : parseDeliveryNoteCsv(text);
}
