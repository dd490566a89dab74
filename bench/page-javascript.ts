// `npm run bench:page-javascript`: the JavaScript a book page makes a browser download, against a
// plain text page of the same app (the terms page: no client component of its own), gzipped as
// it travels. The difference is the book page's own JavaScript (target: ≤ 10 kB; the
// rest is the framework's floor, React and Next's runtime). Counts the <script src> of the HTML
// (module scripts and the `noModule` polyfills apart), on the built shop with the demo catalog.
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { buildIfStale } from '../scripts/lib/project';
import { startBuiltShop } from './lib/built-shop';
import { DEMO_BOOKS, withCatalog } from './lib/scratch-catalog';

const PAGES = { book: '/livre/9782296013681', plain: '/conditions-generales-de-vente' } as const;

type Script = { src: string; noModule: boolean; gzipBytes: number };

async function scriptsOf(origin: string, page: string): Promise<Script[]> {
  const response = await fetch(`${origin}${page}`);
  if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
  const html = await response.text();
  const tags = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)];
  return Promise.all(
    tags.map(async ([, before = '', src = '', after = '']) => {
      const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
      return { src, noModule: /\bnoModule\b/i.test(before + after), gzipBytes: gzipSync(body).length };
    }),
  );
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);
const total = (scripts: Script[]) => scripts.reduce((sum, script) => sum + script.gzipBytes, 0);

async function main() {
  await buildIfStale();
  const port = Number(process.env.BENCH_APP_PORT ?? 3484);
  const [book, plain] = await withCatalog(DEMO_BOOKS, Number(process.env.BENCH_DB_PORT ?? 24484), async (url) => {
    const stop = await startBuiltShop(url, port);
    try {
      const origin = `http://127.0.0.1:${port}`;
      return [await scriptsOf(origin, PAGES.book), await scriptsOf(origin, PAGES.plain)] as const;
    } finally {
      await stop();
    }
  });
  const plainSources = new Set(plain.map((script) => script.src));
  const own = book.filter((script) => !plainSources.has(script.src));
  const modern = (scripts: Script[]) => scripts.filter((script) => !script.noModule);

  console.log(`\nJavaScript per page (gzip) — ${new Date().toISOString()}, charge ${os.loadavg()[0]?.toFixed(1)}`);
  console.log(`${'page'.padEnd(58)} ${'scripts'.padStart(7)} ${'kB'.padStart(7)} ${'+ noModule'.padStart(10)}`);
  for (const [name, scripts] of [
    [`plain text page ${PAGES.plain}`, plain],
    [`book page ${PAGES.book}`, book],
  ] as const) {
    console.log(
      `${name.padEnd(58)} ${String(modern(scripts).length).padStart(7)} ${kB(total(modern(scripts)))} ${kB(total(scripts)).padStart(10)}`,
    );
  }
  console.log(`\nThe book page's own JavaScript (scripts the plain page does not load): ${kB(total(own)).trim()} kB`);
  for (const script of own) console.log(`  ${kB(script.gzipBytes)} kB  ${script.src}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
