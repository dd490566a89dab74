// A catalog of many synthetic titles, loaded with SQL alone (generate_series), for benchmarks
// that need the planner to see a million books: skewed the way a bookshop's catalog is (a few
// themes, collections and "authors" such as "Collectif" with tens of thousands of titles, most
// with a handful), with the availability mix of a distributor's feed (few in stock, most to order).
import pg from 'pg';

export type SyntheticCatalogSize = {
  books: number;
  publishers: number;
  collections: number;
  themes: number;
  contributors: number;
};

export function syntheticCatalogSize(books: number): SyntheticCatalogSize {
  return {
    books,
    publishers: Math.max(10, Math.round(books / 500)),
    collections: Math.max(10, Math.round(books / 50)),
    themes: Math.max(10, Math.round(books / 1000)),
    contributors: Math.max(10, Math.round(books * 0.3)),
  };
}

// Each key is drawn as floor(count × random()^k): key 0 is the biggest (k = 3 gives the first
// collection about 4 % of the books with a collection, the first contributor 1.5 % of all books).
const STATEMENTS = (size: SyntheticCatalogSize) => [
  `INSERT INTO "Publisher" ("slug", "name")
     SELECT 'synth-publisher-' || g, 'Éditeur synthétique ' || g FROM generate_series(1, ${size.publishers}) g`,
  `INSERT INTO "Collection" ("slug", "name", "publisherId")
     SELECT 'synth-collection-' || g, 'Collection synthétique ' || g,
            (SELECT min("id") FROM "Publisher" WHERE "slug" LIKE 'synth-publisher-%') + g % ${size.publishers}
       FROM generate_series(1, ${size.collections}) g`,
  `INSERT INTO "Theme" ("path", "slug", "name", "depth", "position")
     VALUES ('synthetique', 'synthetique', 'Thèmes synthétiques', 1, 10000)`,
  `INSERT INTO "Theme" ("path", "slug", "name", "depth", "position", "parentId")
     SELECT 'synthetique/theme-' || g, 'theme-' || g, 'Thème synthétique ' || g, 2, 10000 + g,
            (SELECT "id" FROM "Theme" WHERE "path" = 'synthetique')
       FROM generate_series(1, ${size.themes}) g`,
  `INSERT INTO "Contributor" ("slug", "name", "sortName")
     SELECT 'synth-contributor-' || g, 'Auteur synthétique ' || g, 'Synthétique, Auteur ' || g
       FROM generate_series(1, ${size.contributors}) g`,
  `CREATE TEMP TABLE synth_book AS
     SELECT g,
            floor(${size.publishers} * random())::int AS publisher_rank,
            CASE WHEN random() < 0.6 THEN floor(${size.collections} * power(random(), 3))::int END AS collection_rank,
            floor(${size.themes} * power(random(), 2))::int AS theme_rank,
            floor(${size.contributors} * power(random(), 3))::int AS author_rank,
            CASE WHEN random() < 0.2 THEN floor(${size.contributors} * random())::int END AS second_author_rank,
            random() AS availability_draw,
            CASE WHEN random() < 0.02 THEN NULL ELSE date '1950-01-01' + floor(random() * 27700)::int END AS published_on
       FROM generate_series(1, ${size.books}) g`,
  `INSERT INTO "Book" ("ean", "title", "workType", "publisherPriceCents", "publisherId", "collectionId", "themeId",
                       "publishedOn", "availability", "searchText", "sortTitle", "updatedAt")
     SELECT '990' || lpad(s.g::text, 10, '0'), 'Livre synthétique ' || s.g, 'Essai', 1000 + s.g % 4000,
            p0."id" + s.publisher_rank,
            CASE WHEN s.collection_rank IS NOT NULL THEN c0."id" + s.collection_rank END,
            t0."id" + s.theme_rank,
            s.published_on,
            (CASE WHEN s.availability_draw < 0.05 THEN 'in_stock'
                  WHEN s.availability_draw < 0.75 THEN 'to_order'
                  WHEN s.availability_draw < 0.78 THEN 'pre_order'
                  WHEN s.availability_draw < 0.80 THEN 'reprinting'
                  WHEN s.availability_draw < 0.95 THEN 'out_of_print'
                  ELSE 'unavailable' END)::"AvailabilityState",
            'livre synthetique ' || s.g, 'livre synthetique ' || s.g, now()
       FROM synth_book s,
            (SELECT min("id") AS "id" FROM "Publisher" WHERE "slug" LIKE 'synth-publisher-%') p0,
            (SELECT min("id") AS "id" FROM "Collection" WHERE "slug" LIKE 'synth-collection-%') c0,
            (SELECT min("id") AS "id" FROM "Theme" WHERE "path" LIKE 'synthetique/%') t0
      ORDER BY s.g`,
  `INSERT INTO "BookContributor" ("bookId", "contributorId", "role", "position")
     SELECT b0."id" + s.g - 1, a0."id" + s.author_rank, 'A01', 0
       FROM synth_book s,
            (SELECT "id" FROM "Book" WHERE "ean" = '990' || lpad('1', 10, '0')) b0,
            (SELECT min("id") AS "id" FROM "Contributor" WHERE "slug" LIKE 'synth-contributor-%') a0`,
  `INSERT INTO "BookContributor" ("bookId", "contributorId", "role", "position")
     SELECT b0."id" + s.g - 1, a0."id" + s.second_author_rank, 'A01', 1
       FROM synth_book s,
            (SELECT "id" FROM "Book" WHERE "ean" = '990' || lpad('1', 10, '0')) b0,
            (SELECT min("id") AS "id" FROM "Contributor" WHERE "slug" LIKE 'synth-contributor-%') a0
      WHERE s.second_author_rank IS NOT NULL AND s.second_author_rank <> s.author_rank`,
  `INSERT INTO "StockLevel" ("bookId", "onHand", "updatedAt")
     SELECT "id", 3, now() FROM "Book" WHERE "availability" = 'in_stock' AND "ean" LIKE '990%'`,
  `DROP TABLE synth_book`,
];

// Indexes are dropped during the load and built again after it (several times faster than
// keeping them up to date row by row), except the trigram index on searchText, which only search
// uses and which takes longest to build.
const BULK_TABLES = ['Book', 'BookContributor'];
const NOT_REBUILT = new Set(['Book_searchText_idx']);

/**
 * Adds `size.books` synthetic books (EANs 990…) to a database that has the schema (and maybe the
 * demo catalog), with the schema's indexes (but the search one) built after the load.
 */
export async function loadSyntheticCatalog(url: string, size: SyntheticCatalogSize): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A bulk load takes minutes: no statement timeout on this session, more memory for the sorts.
    await client.query(`SET statement_timeout = 0; SET maintenance_work_mem = '256MB'`);
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS "name", i.indexdef AS "definition"
         FROM pg_indexes i
         JOIN pg_class c ON c.relname = i.indexname
         JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisprimary`,
      [BULK_TABLES],
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    for (const statement of STATEMENTS(size)) await client.query(statement);
    for (const index of indexes) if (!NOT_REBUILT.has(index.name)) await client.query(index.definition);
    // As autovacuum would leave it: statistics and the visibility map (index-only scans) up to date.
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
