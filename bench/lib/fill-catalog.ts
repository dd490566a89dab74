// Fills a database that has the migrations and the demo catalog with `count` synthetic books,
// through COPY, writing exactly the columns the app writes (derived ones computed by
// lib/catalog/derived-columns.ts, the search document by PostgreSQL). One transaction: secondary
// indexes are dropped, the rows copied, the indexes rebuilt; a failure leaves the database as it was.
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { derivedBookColumns } from '../../lib/catalog/derived-columns';
import type { SupplyFacts } from '../../lib/catalog/book-supply';
import { slugify } from '../../lib/catalog/slug';
import { bookSearchWords } from '../../lib/search/search-words';
import { copyFile, copyLine, openCopy, type Cell } from './copy-rows';
import {
  bookDescription,
  bookTitle,
  collectionNames,
  contributorName,
  pick,
  publisherName,
  seededRandom,
  syntheticEan,
  WORK_TYPES,
  zipfIndex,
  type Random,
} from './synthetic-catalog';

const BOOK_COLUMNS = [
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

const SIDE_TABLES = {
  BookContributor: ['bookId', 'contributorId', 'role', 'position'],
  BookSupply: ['bookId', 'supplierId', 'availabilityCode', 'expectedOn', 'recordHash', 'updatedAt'],
  StockLevel: ['bookId', 'onHand', 'held', 'updatedAt'],
  StockMovement: ['bookId', 'quantity', 'reason', 'reference', 'createdAt'],
} as const;
type SideTable = keyof typeof SIDE_TABLES;

const FILLED_TABLES = ['Book', ...Object.keys(SIDE_TABLES), 'Contributor', 'SearchWord'];

// Distributors of the synthetic catalog, besides the demo's (which have no GLN).
const SYNTHETIC_SUPPLIERS = [
  { name: 'Hachette Livre Distribution', gln: '3012410000009', min: 2, max: 4 },
  { name: 'Interforum Editis', gln: '3012420000008', min: 3, max: 5 },
  { name: 'Sodis Gallimard', gln: '3012430000007', min: 2, max: 3 },
  { name: 'Dilisco', gln: '3012440000006', min: 4, max: 8 },
];

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

type Reference = { id: number; name: string };
type Theme = { id: number; depth: number };
type Supplier = { id: number; leadTime: { minDays: number; maxDays: number } };

export type FillSummary = { books: number; contributors: number; publishers: number; seconds: number };

export async function fillSyntheticCatalog(
  databaseUrl: string,
  count: number,
  log: (message: string) => void = () => {},
): Promise<FillSummary> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'librairie-fill-'));
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    const random = seededRandom(count);
    const themes = await loadThemes(client);
    const suppliers = await ensureSuppliers(client);
    const publishers = await ensurePublishers(client, Math.min(2000, Math.max(20, Math.round(count / 700))));
    const collections = await ensureCollections(client, publishers, random);
    const contributors = await ensureContributors(
      client,
      Math.min(400_000, Math.max(50, Math.round(count / 4))),
      random,
    );
    log(`${publishers.length} éditeurs, ${contributors.length} contributeurs, ${suppliers.length} distributeurs.`);

    const indexes = await dropSecondaryIndexes(client);
    const firstId = Number((await client.query('SELECT coalesce(max("id"), 0) + 1 AS id FROM "Book"')).rows[0].id);
    const taken = new Set<string>((await client.query('SELECT "ean" FROM "Book"')).rows.map((row) => row.ean));
    const side = Object.fromEntries(
      Object.keys(SIDE_TABLES).map((table) => [table, createWriteStream(path.join(folder, `${table}.copy`))]),
    ) as Record<SideTable, WriteStream>;
    const words = new Map<string, number>();
    const books = openCopy(client, 'Book', BOOK_COLUMNS);
    const now = new Date();
    let eanIndex = firstId * 7;
    for (let i = 0; i < count; i += 1) {
      let ean = syntheticEan(eanIndex++);
      while (taken.has(ean)) ean = syntheticEan(eanIndex++);
      const row = syntheticBook(
        random,
        firstId + i,
        ean,
        { themes, suppliers, publishers, collections, contributors },
        now,
      );
      await books.write(row.book);
      for (const [table, lines] of Object.entries(row.side) as [SideTable, Cell[][]][]) {
        for (const cells of lines) {
          if (!side[table].write(copyLine(cells))) await once(side[table], 'drain');
        }
      }
      for (const word of row.words) words.set(word, (words.get(word) ?? 0) + 1);
      if ((i + 1) % 100_000 === 0) log(`${(i + 1).toLocaleString('fr-FR')} livres écrits…`);
    }
    await books.end();
    for (const [table, stream] of Object.entries(side) as [SideTable, WriteStream][]) {
      stream.end();
      await once(stream, 'finish');
      await copyFile(client, table, SIDE_TABLES[table], path.join(folder, `${table}.copy`));
    }
    await mergeWords(client, words);
    log(`Reconstruction de ${indexes.length} index…`);
    for (const definition of indexes) await client.query(definition);
    await client.query(`SELECT setval(pg_get_serial_sequence('"Book"', 'id'), (SELECT max("id") FROM "Book"))`);
    await client.query('COMMIT');
    log('VACUUM ANALYZE…');
    for (const table of FILLED_TABLES) await client.query(`VACUUM ANALYZE "${table}"`);
    return {
      books: count,
      contributors: contributors.length,
      publishers: publishers.length,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    rmSync(folder, { recursive: true, force: true });
  }
}

type References = {
  themes: Theme[];
  suppliers: Supplier[];
  publishers: Reference[];
  collections: Map<number, Reference[]>;
  contributors: Reference[];
};

function syntheticBook(random: Random, id: number, ean: string, refs: References, now: Date) {
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

async function loadThemes(client: pg.Client): Promise<Theme[]> {
  const { rows } = await client.query<Theme>('SELECT "id", "depth" FROM "Theme" ORDER BY "id"');
  if (rows.length === 0) throw new Error('Aucun thème : chargez d’abord le catalogue de démonstration.');
  return rows;
}

async function ensureSuppliers(client: pg.Client): Promise<Supplier[]> {
  for (const s of SYNTHETIC_SUPPLIERS) {
    await client.query(
      `INSERT INTO "Supplier" ("name", "gln", "leadTimeMinDays", "leadTimeMaxDays") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("name") DO NOTHING`,
      [s.name, s.gln, s.min, s.max],
    );
  }
  const { rows } = await client.query(
    'SELECT "id", "leadTimeMinDays", "leadTimeMaxDays" FROM "Supplier" ORDER BY "id"',
  );
  return rows.map((row) => ({ id: row.id, leadTime: { minDays: row.leadTimeMinDays, maxDays: row.leadTimeMaxDays } }));
}

async function ensurePublishers(client: pg.Client, wanted: number): Promise<Reference[]> {
  const names = Array.from({ length: wanted }, (_, i) => publisherName(i));
  await client.query(
    `INSERT INTO "Publisher" ("slug", "name") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT ("slug") DO NOTHING`,
    [names.map(slugify), names],
  );
  const { rows } = await client.query<Reference>('SELECT "id", "name" FROM "Publisher" ORDER BY "id"');
  return rows;
}

async function ensureCollections(
  client: pg.Client,
  publishers: Reference[],
  random: Random,
): Promise<Map<number, Reference[]>> {
  const slugs: string[] = [];
  const names: string[] = [];
  const owners: number[] = [];
  publishers.forEach((publisher, index) => {
    for (const name of collectionNames(index, random)) {
      slugs.push(slugify(`${name} ${publisher.name}`));
      names.push(name);
      owners.push(publisher.id);
    }
  });
  await client.query(
    `INSERT INTO "Collection" ("slug", "name", "publisherId")
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) ON CONFLICT ("slug") DO NOTHING`,
    [slugs, names, owners],
  );
  const { rows } = await client.query('SELECT "id", "name", "publisherId" FROM "Collection"');
  const byPublisher = new Map<number, Reference[]>();
  for (const row of rows) {
    const list = byPublisher.get(row.publisherId) ?? [];
    list.push({ id: row.id, name: row.name });
    byPublisher.set(row.publisherId, list);
  }
  return byPublisher;
}

async function ensureContributors(client: pg.Client, wanted: number, random: Random): Promise<Reference[]> {
  await client.query(
    'CREATE TEMP TABLE new_contributor (slug text, name text, "sortName" text, biography text) ON COMMIT DROP',
  );
  const copy = openCopy(client, 'new_contributor', ['slug', 'name', 'sortName', 'biography']);
  const seen = new Set<string>();
  for (let i = 0; i < wanted; i += 1) {
    const { name, sortName } = contributorName(i);
    const slug = slugify(name);
    if (seen.has(slug)) continue;
    seen.add(slug);
    const biography =
      random() < 0.2
        ? `${name} enseigne à l’université de ${pick(random, ['Paris', 'Lyon', 'Bordeaux', 'Lille'])}.`
        : null;
    await copy.write([slug, name, sortName, biography]);
  }
  await copy.end();
  await client.query(
    `INSERT INTO "Contributor" ("slug", "name", "sortName", "biography")
     SELECT slug, name, "sortName", biography FROM new_contributor ON CONFLICT ("slug") DO NOTHING`,
  );
  const { rows } = await client.query<Reference>(
    'SELECT c."id", c."name" FROM "Contributor" c JOIN new_contributor n ON n.slug = c."slug" ORDER BY c."id"',
  );
  return rows;
}

async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [['Book', ...Object.keys(SIDE_TABLES)]],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}

async function mergeWords(client: pg.Client, words: Map<string, number>): Promise<void> {
  await client.query('CREATE TEMP TABLE new_word (word text, "bookCount" int) ON COMMIT DROP');
  const copy = openCopy(client, 'new_word', ['word', 'bookCount']);
  for (const [word, bookCount] of words) await copy.write([word, bookCount]);
  await copy.end();
  await client.query(
    `INSERT INTO "SearchWord" ("word", "bookCount") SELECT word, "bookCount" FROM new_word
     ON CONFLICT ("word") DO UPDATE SET "bookCount" = "SearchWord"."bookCount" + excluded."bookCount"`,
  );
}
