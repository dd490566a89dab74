// One synthetic book as rows: its Book row, in the app's columns (derived ones computed by
// lib/catalog/derived-columns.ts), its contributor, supply and stock rows, and its search words.
// Pure: the writer (fill-catalog.ts) copies the rows into the database.
import type { SupplyFacts } from '../../lib/catalog/book-supply';
import { derivedBookColumns } from '../../lib/catalog/derived-columns';
import { bookSearchWords } from '../../lib/search/search-words';
import type { Reference, References } from './catalog-references';
import type { Cell } from './copy-rows';
import { bookDescription, bookTitle, pick, WORK_TYPES, zipfIndex, type Random } from './synthetic-catalog';

export const BOOK_COLUMNS = [
  'id',
  'ean',
  'title',
  'subtitle',
  'description',
  'pageCount',
  'publishedOn',
  'productForm',
  'workType',
  'languageCode',
  'publisherPriceCents',
  'vatRateBasisPoints',
  'coverPath',
  'featured',
  'imprint',
  'publisherId',
  'collectionId',
  'collectionNumber',
  'themeId',
  'supplierId',
  'supplierAvailabilityCode',
  'expectedOn',
  'searchText',
  'sortTitle',
  'availability',
  'delistedAt',
  'createdAt',
  'updatedAt',
] as const;

export const SIDE_TABLES = {
  BookContributor: ['bookId', 'contributorId', 'role', 'position'],
  BookSupply: ['bookId', 'supplierId', 'availabilityCode', 'expectedOn', 'recordHash', 'updatedAt'],
  StockLevel: ['bookId', 'onHand', 'held', 'updatedAt'],
  StockMovement: ['bookId', 'quantity', 'reason', 'reference', 'createdAt'],
} as const;
export type SideTable = keyof typeof SIDE_TABLES;

// ONIX list 65 codes as distributors send them for a backlist: mostly available.
const SUPPLY_CODES: [string, number][] = [
  ['20', 0.45],
  ['21', 0.2],
  ['22', 0.14],
  ['23', 0.02],
  ['31', 0.06],
  ['32', 0.03],
  ['51', 0.08],
  ['40', 0.02],
];

function weighted(random: Random, table: [string, number][]): string {
  let r = random();
  for (const [value, weight] of table) {
    r -= weight;
    if (r <= 0) return value;
  }
  return table[0]?.[0] ?? '20';
}

export function syntheticBook(random: Random, id: number, ean: string, refs: References, now: Date) {
  const { title, subtitle } = bookTitle(random);
  const publisher = refs.publishers[zipfIndex(random, refs.publishers.length)] as Reference;
  const publisherCollections = refs.collections.get(publisher.id) ?? [];
  const collection = publisherCollections.length > 0 && random() < 0.5 ? pick(random, publisherCollections) : null;
  const theme = pick(random, refs.themes);

  // Authors: most books one, some two or three; a few with an editor, a translator or a preface.
  const people = new Map<number, Reference>();
  const authorCount = random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3;
  const roles: [Reference, string][] = [];
  const drawPerson = () =>
    // Mostly uniform, sometimes a prolific author: a few names carry many books, as in a real catalog.
    random() < 0.8
      ? (pick(random, refs.contributors) as Reference)
      : (refs.contributors[zipfIndex(random, refs.contributors.length)] as Reference);
  for (let k = 0; k < authorCount; k += 1) {
    const person = drawPerson();
    if (!people.has(person.id)) {
      people.set(person.id, person);
      roles.push([person, 'A01']);
    }
  }
  if (random() < 0.1) roles.push([drawPerson(), pick(random, ['B01', 'B06', 'A15'])]);
  const links = roles.filter(
    ([person, role], index) => roles.findIndex(([p, r]) => p.id === person.id && r === role) === index,
  );

  // Publication: mostly recent; 2 % forthcoming, 1 % undated.
  const forthcoming = random() < 0.02;
  let publishedOn: Date | null = null;
  if (forthcoming) publishedOn = new Date(now.getTime() + Math.ceil(random() * 180) * 86_400_000);
  else if (random() >= 0.01) {
    const year = 2026 - Math.floor(66 * random() * random());
    publishedOn = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    if (publishedOn > now) publishedOn = new Date(Date.UTC(year - 1, 0, 15));
  }
  const day = publishedOn ? new Date(publishedOn.toISOString().slice(0, 10) + 'T00:00:00Z') : null;

  const supplyCount = random() < 0.8 ? 1 : 2;
  const supplies: SupplyFacts[] = [];
  for (let k = 0; k < supplyCount; k += 1) {
    const supplier = pick(random, refs.suppliers);
    if (supplies.some((s) => s.supplierId === supplier.id)) continue;
    supplies.push({
      supplierId: supplier.id,
      availabilityCode: forthcoming ? '10' : weighted(random, SUPPLY_CODES),
      expectedOn: forthcoming ? day : null,
      leadTime: supplier.leadTime,
    });
  }
  const onHand = random() < 0.04 ? 1 + Math.floor(random() * 12) : 0;
  const derived = derivedBookColumns({
    title,
    subtitle,
    contributorNames: links.map(([person]) => person.name),
    publisherName: publisher.name,
    collectionName: collection?.name ?? null,
    onHand,
    supplies,
  });
  const priceCents = 500 + 10 * Math.floor(random() * random() * 11_000);
  const book: Cell[] = [
    id,
    ean,
    title,
    subtitle,
    bookDescription(random),
    random() < 0.97 ? 48 + Math.floor(random() * random() * 1200) : null,
    day,
    random() < 0.85 ? 'BC' : 'BB',
    pick(random, WORK_TYPES),
    random() < 0.95 ? 'fre' : 'eng',
    priceCents - (priceCents % 10),
    550,
    null,
    random() < 0.00005,
    null,
    publisher.id,
    collection?.id ?? null,
    collection && random() < 0.5 ? String(1 + Math.floor(random() * 300)) : null,
    theme.id,
    derived.supplierId,
    derived.supplierAvailabilityCode,
    derived.expectedOn,
    derived.searchText,
    derived.sortTitle,
    derived.availability,
    null,
    now,
    now,
  ];
  const side: Record<SideTable, Cell[][]> = {
    BookContributor: links.map(([person, role], position) => [id, person.id, role, position]),
    BookSupply: supplies.map((s) => [id, s.supplierId, s.availabilityCode, s.expectedOn, null, now]),
    StockLevel: [[id, onHand, 0, now]],
    StockMovement: onHand > 0 ? [[id, onHand, 'INITIAL_COUNT', 'Inventaire initial', now]] : [],
  };
  const words = bookSearchWords({ title, subtitle, contributorNames: links.map(([person]) => person.name) });
  return { book, side, words };
}
