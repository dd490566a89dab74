// Which stored cover paths the shop serves as images. Covers are files of the shop's own
// public/covers/ folder (the demo's), or covers uploaded at the desk and served by
// app/couvertures/[file] under a name that carries their content's hash (cover-upload.ts);
// next/image resizes both (next.config.js, images.localPatterns allows these two only). Anything
// else (a distributor's link from an ONIX feed, a typo) gets the typographic cover rather than an
// image the optimizer or the CSP (img-src 'self') would refuse.

import { COVER_FILE_NAME, COVER_URL_PREFIX } from './cover-upload';

const LOCAL_COVER = /^\/covers\/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:webp|png|jpe?g|avif)$/;

/** The path next/image may load, or null when the book must show its typographic cover. */
export function coverImageSource(coverPath: string | null | undefined): string | null {
  if (!coverPath || coverPath.includes('..')) return null;
  const uploaded =
    coverPath.startsWith(COVER_URL_PREFIX) && COVER_FILE_NAME.test(coverPath.slice(COVER_URL_PREFIX.length));
  return LOCAL_COVER.test(coverPath) || uploaded ? coverPath : null;
}

/** The text that stands for the cover when the image is read aloud or cannot be shown. */
export function coverAlt(title: string): string {
  return `Couverture de « ${title} »`;
}
