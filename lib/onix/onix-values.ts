import type { OnixElement } from './onix-element';

// What every part of the ONIX mapping shares: the refusal of a record, with its reason, and the
// dates of code list 55. Pure.

/** A record refused whole: its reason goes to the import's report. */
export class OnixRejection extends Error {}

export const reject = (reason: string): never => {
  throw new OnixRejection(reason);
};

/** Code list 55: 00 YYYYMMDD (the default), 01 YYYYMM, 05 YYYY. */
export function parseOnixDate(element: OnixElement | undefined, what: string): Date | null {
  const value = element?.text.trim();
  if (!element || !value) return null;
  const format = element.attributes.dateformat ?? (value.length === 4 ? '05' : value.length === 6 ? '01' : '00');
  const match =
    format === '00'
      ? /^(\d{4})(\d{2})(\d{2})$/.exec(value)
      : format === '01'
        ? /^(\d{4})(\d{2})()$/.exec(value)
        : format === '05'
          ? /^(\d{4})()()$/.exec(value)
          : null;
  if (!match) return reject(`${what} invalide « ${value} »`);
  const [year, month, day] = [Number(match[1]), Number(match[2] || 1), Number(match[3] || 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1450) {
    return reject(`${what} invalide « ${value} »`);
  }
  return date;
}
