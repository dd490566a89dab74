// Plausible books for benchmarks, drawn from a seeded generator: the same count gives the same
// catalog. Pure: bench/lib/synthetic-book-rows.ts turns these into rows.
import { ean13CheckDigit } from '../../lib/isbn/check-digit';
import {
  ADJECTIVES,
  CITIES,
  COLLECTION_NAMES,
  FIRST_NAMES,
  LAST_NAMES,
  NOUNS,
  PUBLISHER_PATTERNS,
  SUBTITLES,
  WORK_TYPES,
  type Noun,
} from './french-vocabulary';

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

/** Index in [0, size): low indexes much more often (roughly Zipf with exponent 1). */
export function zipfIndex(random: Random, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(random() * Math.log(size + 1)) - 1));
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pickZipf = <T>(random: Random, items: readonly T[]): T => items[zipfIndex(random, items.length)] as T;

/**
 * The i-th EAN of the synthetic range 978-2-…: a permutation of 10^8 bodies (the multiplier is
 * prime to 10^8), so two indexes never give the same EAN and neighbours do not look sequential.
 */
export function syntheticEan(index: number): string {
  const body = (BigInt(index) * 48_271n + 12_345_678n) % 100_000_000n;
  const first12 = `9782${body.toString().padStart(8, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

export function contributorName(index: number): { name: string; sortName: string } {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
  const rest = Math.floor(index / FIRST_NAMES.length);
  const last1 = LAST_NAMES[rest % LAST_NAMES.length] as string;
  const round = Math.floor(rest / LAST_NAMES.length);
  // Past first × last combinations, compound family names: "Martin-Leroy".
  const last = round === 0 ? last1 : `${last1}-${LAST_NAMES[(round * 7 + rest) % LAST_NAMES.length]}`;
  return { name: `${first} ${last}`, sortName: `${last}, ${first}` };
}

export function publisherName(index: number): string {
  const pattern = PUBLISHER_PATTERNS[index % PUBLISHER_PATTERNS.length] as (name: string) => string;
  const round = Math.floor(index / PUBLISHER_PATTERNS.length);
  const base = index % 2 === 0 ? LAST_NAMES[round % LAST_NAMES.length] : CITIES[round % CITIES.length];
  const suffix = round >= LAST_NAMES.length ? ` ${Math.floor(round / LAST_NAMES.length) + 1}` : '';
  return `${pattern(base as string)}${suffix}`;
}

export function collectionNames(publisherIndex: number, random: Random): string[] {
  const count = publisherIndex < 50 ? 4 + Math.floor(random() * 6) : Math.floor(random() * 4);
  const names = new Set<string>();
  for (let i = 0; i < count; i += 1) names.add(pick(random, COLLECTION_NAMES));
  return [...names];
}

function article(noun: Noun): string {
  if (noun.plural) return `les ${noun.word}`;
  if (/^[aeiouyéèêâîôûhÉÈ]/i.test(noun.word)) return `l’${noun.word}`;
  return `${noun.feminine ? 'la' : 'le'} ${noun.word}`;
}

function of(noun: Noun): string {
  if (noun.plural) return `des ${noun.word}`;
  if (/^[aeiouyéèêâîôûhÉÈ]/i.test(noun.word)) return `de l’${noun.word}`;
  return noun.feminine ? `de la ${noun.word}` : `du ${noun.word}`;
}

function to(noun: Noun): string {
  if (noun.plural) return `aux ${noun.word}`;
  if (/^[aeiouyéèêâîôûhÉÈ]/i.test(noun.word)) return `à l’${noun.word}`;
  return noun.feminine ? `à la ${noun.word}` : `au ${noun.word}`;
}

function adjective(random: Random, noun: Noun): string {
  const adj = pickZipf(random, ADJECTIVES);
  const form = noun.feminine ? adj.feminine : adj.masculine;
  return noun.plural && !form.endsWith('s') ? `${form}s` : form;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function bookTitle(random: Random): { title: string; subtitle: string | null } {
  const x = pickZipf(random, NOUNS);
  const y = pickZipf(random, NOUNS);
  const patterns = [
    () => capitalize(`${article(x)} ${adjective(random, x)}`),
    () => capitalize(`${article(x)} et ${article(y)}`),
    () => `Introduction ${to(x)}`,
    () => `Penser ${article(x)}`,
    () => `Histoire ${of(x)} ${adjective(random, x)}`,
    () => `Manuel ${of(x)}`,
    () => capitalize(`${article(x)} ${adjective(random, x)} en France`),
    () => capitalize(`${article(x)} à l’épreuve ${of(y)}`),
    () => `Droit ${of(x)}`,
    () => `Sociologie ${of(x)}`,
  ];
  const title = (pick(random, patterns) as () => string)();
  const subtitle = random() < 0.4 ? pick(random, SUBTITLES) : null;
  return { title, subtitle };
}

export function bookDescription(random: Random): string | null {
  if (random() < 0.1) return null;
  const noun = () => pickZipf(random, NOUNS);
  const sentences = [
    `Cet ouvrage analyse ${article(noun())} à partir ${of(noun())}.`,
    `L’auteur montre comment ${article(noun())} transforme ${article(noun())} depuis les années ${1950 + 10 * Math.floor(random() * 7)}.`,
    `Fondé sur des sources inédites et une enquête menée à ${pick(random, CITIES)}, il éclaire les liens entre ${article(noun())} et ${article(noun())}.`,
    `Un livre pour les étudiants, les praticiens et tous ceux qui s’intéressent ${to(noun())}.`,
    `Cette nouvelle édition tient compte des réformes récentes ${of(noun())}.`,
  ];
  const count = 2 + Math.floor(random() * 3);
  const chosen: string[] = [];
  for (let i = 0; i < count; i += 1) chosen.push(pick(random, sentences));
  return chosen.join(' ');
}

export { pick, pickZipf, WORK_TYPES };
