// `npm run bench:seed -- 1000000`: adds that many synthetic books (valid EANs, French titles and
// names, themes, publishers, collections, supplies, stock) to DATABASE_URL, or to npm start's
// embedded database (.data, port EMBEDDED_DB_PORT) when DATABASE_URL is not set, with COPY.
// Applies the migrations and loads the demo catalog first if the database is empty.
import path from 'node:path';
import { z } from 'zod';
import { embeddedDbPortSetting, startEmbeddedPostgres } from '../scripts/lib/embedded-postgres';
import { ROOT } from '../scripts/lib/project';
import { fillSyntheticCatalog } from './lib/fill-catalog';
import { migrateAndSeedDemo } from './lib/prepare-database';

const ArgsSchema = z.tuple([z.coerce.number().int().min(1).max(5_000_000)]);
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .optional(),
  LIBRAIRIE_DATA_DIR: z.string().default('.data'),
  EMBEDDED_DB_PORT: embeddedDbPortSetting,
});

async function main() {
  const args = ArgsSchema.safeParse(process.argv.slice(2));
  if (!args.success) throw new Error('Usage : npm run bench:seed -- <nombre de livres, 1 à 5 000 000>');
  const [count] = args.data;
  const env = EnvSchema.parse(process.env);
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dataDir = path.resolve(ROOT, env.LIBRAIRIE_DATA_DIR, 'postgres');
    const embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_DB_PORT, database: 'librairie' });
    url = embedded.url;
    stop = embedded.stop;
    console.log(`PostgreSQL intégré (${dataDir}, port ${env.EMBEDDED_DB_PORT}).`);
  }
  try {
    await migrateAndSeedDemo(url);
    const summary = await fillSyntheticCatalog(url, count, (message) => console.log(message));
    console.log(
      `${summary.books.toLocaleString('fr-FR')} livres ajoutés en ${summary.seconds.toFixed(0)} s ` +
        `(${Math.round(summary.books / summary.seconds).toLocaleString('fr-FR')} livres/s).`,
    );
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
