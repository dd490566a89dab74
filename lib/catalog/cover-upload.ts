// What a cover upload may be: a JPEG, PNG or WebP image, recognised by its first bytes (its
// "magic number"), never by the name or the type the browser claims. Pure.

export type CoverImageType = 'jpeg' | 'png' | 'webp';

/** A cover as a bookseller photographs or downloads it; larger files are refused before decoding. */
export const MAX_COVER_BYTES = 8 * 1024 * 1024;
/** Decoding more pixels than this (a 7,000 × 7,000 image) is refused: a small file can claim a huge image. */
export const MAX_COVER_PIXELS = 50_000_000;
/** Stored covers fit in this box, the book page's largest size at 2× (3:2 portrait). */
export const COVER_BOX = { width: 600, height: 900 } as const;

export function sniffCoverType(bytes: Uint8Array): CoverImageType | null {
  const at = (index: number) => bytes[index];
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => at(index) === byte))
    return 'png';
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.slice(start, end));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

/** "/couvertures/9782296013681-3f2a9c1b0d4e5f60.webp": one name per content, so it may be cached for ever. */
export const COVER_FILE_NAME = /^(97[89]\d{10})-([0-9a-f]{16})\.(webp|jpg|png)$/;

export const COVER_URL_PREFIX = '/couvertures/';
