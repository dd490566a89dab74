import { normalizeText } from './normalize';

// The vocabulary of typo correction (SearchWord): accent-free words of titles and names.
// Short words and numbers are left out: a trigram similarity says little about them.
export const MIN_CORRECTABLE_WORD_LENGTH = 4;
const MIN_STORED_WORD_LENGTH = 3;

export function bookSearchWords(parts: {
  title: string;
  subtitle?: string | null;
  contributorNames: string[];
}): string[] {
  const text = normalizeText([parts.title, parts.subtitle, ...parts.contributorNames].filter(Boolean).join(' '));
  const words = text.split(' ').filter((word) => word.length >= MIN_STORED_WORD_LENGTH && !/^\d+$/.test(word));
  return [...new Set(words)];
}
