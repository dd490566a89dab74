// Search and sort keys: lower case, no accents, words separated by single spaces, so that
// "Coopération" matches "cooperation" and "Dhume-Sonzogni" matches "dhume".
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const MAX_QUERY_WORDS = 8;
export const MAX_WORD_LENGTH = 40;
const MAX_QUERY_LENGTH = 2000;

/** Distinct search words of a query, bounded so a 1000-character query stays cheap. */
export function queryWords(query: string): string[] {
  // Cut very long input at a word boundary, so no half word becomes a search term.
  const bounded = query.length > MAX_QUERY_LENGTH ? query.slice(0, MAX_QUERY_LENGTH).replace(/\S*$/, '') : query;
  const words = normalizeText(bounded)
    .split(' ')
    .filter((word) => word.length > 0)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}
