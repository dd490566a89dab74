import { AsyncLocalStorage } from 'node:async_hooks';

// What a page tells the front cache (docs/decisions/014-front-cache.md): whether it may be
// stored at all (allowFrontCache: public pages only), and the tags of the rows it shows
// (tagResponse), which the database purges by when they change (migration
// 20261203100000_front_cache_purges). scripts/serve.ts runs each request inside a store and
// turns it into the `xkey` header Varnish's xkey vmod indexes
// (https://github.com/varnish/varnish-modules/blob/master/src/vmod_xkey.vcc).
// Outside a request (a test, a script) both calls do nothing.

/** The response header listing the tags, read by the xkey vmod. */
export const FRONT_CACHE_TAGS_HEADER = 'xkey';
/** The request header of a PURGE listing the tags to purge (scripts/front-cache/default.vcl). */
export const FRONT_CACHE_PURGE_HEADER = 'xkey-purge';
/** How long the front cache may keep the page, in seconds: only responses with it are stored. */
export const FRONT_CACHE_TTL_HEADER = 'x-front-cache-ttl';
/** On every stored page: purging it empties the cache (a supplier's lead times changed). */
export const EVERY_PAGE_TAG = 'pages';
/** Pages listing books (home, catalog, themes, publishers…): a book added, removed or re-sorted. */
export const LISTINGS_TAG = 'listes';
/** Pages showing the shop's settings (its name in the header, the cut-off hour). */
export const SETTINGS_TAG = 'reglages';

/** A stored page outlives no change (purges), but is kept at most this long all the same. */
export const DEFAULT_MAX_AGE_SECONDS = 3_600;

export function bookTag(ean: string): string {
  return `livre-${ean}`;
}

/**
 * The rows of a book page leading to its neighbours (lib/data/storefront/related-books.ts): the database
 * purges these tags when a book moves into a row (migration 20261204100000_front_cache_neighbours).
 */
export function neighbourTags(keys: { authorIds: number[]; collectionId: number | null; themeId: number }): string[] {
  return [
    `theme-${keys.themeId}`,
    ...(keys.collectionId === null ? [] : [`collection-${keys.collectionId}`]),
    ...keys.authorIds.map((id) => `auteur-${id}`),
  ];
}

export type ResponseTags = { cacheable: boolean; maxAgeSeconds: number; tags: Set<string> };

// Next's server bundle and scripts/serve.ts (run by tsx) load separate copies of this module: a
// symbol registered on globalThis makes them share one store.
const STORAGE_KEY = Symbol.for('librairie.front-cache.response-tags');

function storage(): AsyncLocalStorage<ResponseTags> {
  const holder = globalThis as typeof globalThis & { [STORAGE_KEY]?: AsyncLocalStorage<ResponseTags> };
  holder[STORAGE_KEY] ??= new AsyncLocalStorage<ResponseTags>();
  return holder[STORAGE_KEY];
}

/** Runs `work` (the handling of one request) with an empty store; returns the store. */
export function runWithResponseTags(work: () => void): ResponseTags {
  const store: ResponseTags = { cacheable: false, maxAgeSeconds: DEFAULT_MAX_AGE_SECONDS, tags: new Set() };
  storage().run(store, work);
  return store;
}

/**
 * The page is the same for every reader and may be stored by the front cache, for at most
 * `maxAgeSeconds` (the shortest of every call wins). By default until the next whole hour: what
 * changes with the clock (a delivery estimate at the cut-off hour, a forthcoming book published
 * at midnight, Paris time, whose offsets from UTC are whole hours) changes on the hour.
 */
export function allowFrontCache(maxAgeSeconds = secondsUntilNextHour(new Date())): void {
  const store = storage().getStore();
  if (!store) return;
  store.cacheable = true;
  store.maxAgeSeconds = Math.min(store.maxAgeSeconds, Math.max(0, Math.floor(maxAgeSeconds)));
}

/** The rows this response shows: a change to one of them purges it. */
export function tagResponse(...tags: string[]): void {
  const store = storage().getStore();
  if (!store) return;
  for (const tag of tags) store.tags.add(tag);
}

/** A page listing books: stored, and purged when the catalog's order or content changes. */
export function allowListingInFrontCache(): void {
  allowFrontCache();
  tagResponse(LISTINGS_TAG);
}

/** Seconds until the next whole hour. */
export function secondsUntilNextHour(now: Date): number {
  const next = new Date(now);
  next.setUTCMinutes(60, 0, 0);
  return Math.ceil((next.getTime() - now.getTime()) / 1000);
}
