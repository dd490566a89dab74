// Longest input worth looking at: "ISBN-13 : 978-2-296-01368-1" with generous spacing.
const MAX_INPUT_LENGTH = 64;
// A leading "ISBN", "ISBN-13 :", "EAN" as printed on a copyright page or pasted from a catalogue.
const LABEL_PREFIX = /^\s*(?:ISBN(?:-1[03])?|EAN(?:-13)?)\s*:?/i;
// Spaces (incl. no-break), hyphen-minus and the Unicode dashes a word processor substitutes.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** Strips label and separators and upper-cases x; returns null when the input is too long. */
export function compactIsbnInput(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return null;
  return input.replace(LABEL_PREFIX, '').replace(SEPARATORS, '').toUpperCase();
}
