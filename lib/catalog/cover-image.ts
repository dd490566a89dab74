// Which stored cover paths the shop serves as images. Covers are files of the shop's own
// public/covers/ folder, resized by next/image (next.config.js, images.localPatterns allows that
// folder only). Anything else (a distributor's link from an ONIX feed, a typo) gets the
// typographic cover rather than an image the optimizer or the CSP (img-src 'self') would refuse.

const LOCAL_COVER = /^\/covers\/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:webp|png|jpe?g|avif)$/;

/** The path next/image may load, or null when the book must show its typographic cover. */
export function coverImageSource(coverPath: string | null | undefined): string | null {
  return coverPath && LOCAL_COVER.test(coverPath) && !coverPath.includes('..') ? coverPath : null;
}

/** The text that stands for the cover when the image is read aloud or cannot be shown. */
export function coverAlt(title: string): string {
  return `Couverture de « ${title} »`;
}
