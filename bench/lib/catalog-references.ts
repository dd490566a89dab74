// What the synthetic books point to: themes (the demo's), distributors, publishers, collections
// and contributors, added to the database in the fill's transaction and read back with their ids.
import type pg from 'pg';
import { slugify } from '../../lib/catalog/slug';
import { openCopy } from './copy-rows';
import { collectionNames, contributorName, pick, publisherName, type Random } from './synthetic-catalog';

export type Reference = { id: number; name: string };
type Theme = { id: number; depth: number };
type Supplier = { id: number; leadTime: { minDays: number; maxDays: number } };

export type References = {
  themes: Theme[];
  suppliers: Supplier[];
  publishers: Reference[];
  collections: Map<number, Reference[]>;
  contributors: Reference[];
};

// Distributors of the synthetic catalog, besides the demo's (which have no GLN).
const SYNTHETIC_SUPPLIERS = [
  { name: 'Hachette Livre Distribution', gln: '3012410000009', min: 2, max: 4 },
  { name: 'Interforum Editis', gln: '3012420000008', min: 3, max: 5 },
  { name: 'Sodis Gallimard', gln: '3012430000007', min: 2, max: 3 },
  { name: 'Dilisco', gln: '3012440000006', min: 4, max: 8 },
];

/** The references for `count` books: about one publisher per 700 books and one contributor per 4, within bounds. */
export async function ensureReferences(client: pg.Client, count: number, random: Random): Promise<References> {
  const themes = await loadThemes(client);
  const suppliers = await ensureSuppliers(client);
  const publishers = await ensurePublishers(client, Math.min(2000, Math.max(20, Math.round(count / 700))));
  const collections = await ensureCollections(client, publishers, random);
  const contributors = await ensureContributors(client, Math.min(400_000, Math.max(50, Math.round(count / 4))), random);
  return { themes, suppliers, publishers, collections, contributors };
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
