import { z } from 'zod';

// Text people type in a form: no NUL byte (PostgreSQL refuses it in text), no other control
// character (ESC, BEL… are never typed, they are forged). Tabs and line breaks are not accepted
// either: every field of the shop's forms holds one line.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

export const CONTROL_CHARACTER_MESSAGE = 'Ce champ contient des caractères non autorisés.';

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** A one-line text field: trimmed, at most `max` characters, no control character. */
export function plainText(max: number, requiredMessage?: string) {
  const base = z
    .string(requiredMessage ? { error: requiredMessage } : undefined)
    .refine((value) => !hasControlCharacters(value), { error: CONTROL_CHARACTER_MESSAGE })
    .transform((value) => value.trim());
  return requiredMessage
    ? base.pipe(
        z
          .string()
          .min(1, { error: requiredMessage })
          .max(max, { error: `${max} caractères au plus.` }),
      )
    : base.pipe(z.string().max(max, { error: `${max} caractères au plus.` }));
}
