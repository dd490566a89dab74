// The shop's sitemaps, as the protocol wants them at a million titles: no file over 50,000 URLs
// or 50 MB, and an index (/sitemap.xml) listing the files
// (https://www.sitemaps.org/protocol.html#index). Each file covers a fixed range of ids, so a
// file's address and content stay put as the catalog grows (a new book lands in the last file)
// and reading one is an index range scan, never the whole catalog.

export const URLS_PER_SITEMAP = 50_000;

/** The files by id range, named after the pages they list. */
export const RANGED_SITEMAPS = ['livres', 'auteurs', 'editeurs', 'collections'] as const;
export type RangedSitemap = (typeof RANGED_SITEMAPS)[number];

/** `pages`: the home page, the catalog and the themes (a few hundred at most). */
export type SitemapPart = { kind: 'pages' } | { kind: RangedSitemap; index: number };

/** Where the files are served: /plan-du-site/pages.xml, /plan-du-site/livres-0.xml… */
export const SITEMAP_PART_PREFIX = '/plan-du-site/';

export function sitemapPartName(part: SitemapPart): string {
  return part.kind === 'pages' ? 'pages.xml' : `${part.kind}-${part.index}.xml`;
}

/** The part a file name stands for, or null (a 404) for anything else. */
export function parseSitemapPartName(name: string): SitemapPart | null {
  if (name === 'pages.xml') return { kind: 'pages' };
  const match = /^([a-z]+)-(0|[1-9]\d{0,5})\.xml$/.exec(name);
  const kind = RANGED_SITEMAPS.find((candidate) => candidate === match?.[1]);
  return kind && match ? { kind, index: Number(match[2]) } : null;
}

/** The ids a ranged file covers, both ends included. */
export function idRangeOf(index: number): { from: number; to: number } {
  return { from: index * URLS_PER_SITEMAP + 1, to: (index + 1) * URLS_PER_SITEMAP };
}

export type MaxIds = Record<RangedSitemap, number>;

/** Every file, from the highest id of each table (0 when it is empty). */
export function sitemapParts(maxIds: MaxIds): SitemapPart[] {
  const parts: SitemapPart[] = [{ kind: 'pages' }];
  for (const kind of RANGED_SITEMAPS) {
    const count = Math.ceil(maxIds[kind] / URLS_PER_SITEMAP);
    for (let index = 0; index < count; index++) parts.push({ kind, index });
  }
  return parts;
}

/** Whether the index lists this file (a file past the last id is a 404, not an empty list). */
export function isListedPart(part: SitemapPart, maxIds: MaxIds): boolean {
  return part.kind === 'pages' || part.index < Math.ceil(maxIds[part.kind] / URLS_PER_SITEMAP);
}

export type SitemapEntry = { loc: string; lastModified?: Date };

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function entryXml(tag: 'url' | 'sitemap', entry: SitemapEntry): string {
  const lastmod = entry.lastModified ? `<lastmod>${entry.lastModified.toISOString()}</lastmod>` : '';
  return `<${tag}><loc>${escapeXml(entry.loc)}</loc>${lastmod}</${tag}>\n`;
}

export function sitemapIndexXml(files: SitemapEntry[]): string {
  return `${XML_HEADER}<sitemapindex xmlns="${NAMESPACE}">\n${files.map((file) => entryXml('sitemap', file)).join('')}</sitemapindex>\n`;
}

export function urlSetXml(urls: SitemapEntry[]): string {
  return `${XML_HEADER}<urlset xmlns="${NAMESPACE}">\n${urls.map((url) => entryXml('url', url)).join('')}</urlset>\n`;
}
