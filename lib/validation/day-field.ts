import { z } from 'zod';

/**
 * A calendar day from a form's `<input type="date">` ("2027-03-29"), as the date-only column
 * (`@db.Date`) stores it: midnight UTC. `missing` is the message when the field is empty.
 */
export function dayField(missing: string) {
  return z
    .string({ error: missing })
    .min(1, { error: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date au format jj/mm/aaaa.' })
    .transform((value, ctx) => {
      const date = new Date(`${value}T00:00:00Z`);
      // Years PostgreSQL's date and people's forms share (year 0000 is no date to either).
      const year = Number(value.slice(0, 4));
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || year < 1900 || year > 2999) {
        ctx.addIssue({ code: 'custom', message: 'Cette date n’existe pas.' });
        return z.NEVER;
      }
      return date;
    });
}
