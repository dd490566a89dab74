import { getImageProps } from 'next/image';
import { coverAlt, coverImageSource } from '@/lib/catalog/cover-image';
import { COVER_BOX } from '@/lib/catalog/cover-upload';

/** The `<img>` attributes of a cover: next/image's resized sources, without its inline style. */
export type CoverImage = Omit<ReturnType<typeof getImageProps>['props'], 'style'>;

// The widths the browser picks from (next.config.js, images): the page's cover is 6.5rem wide
// on a phone and 16rem beside the text; a card is about half a phone's width, 14rem on a desktop.
const SIZES = { page: '(max-width: 40rem) 6.5rem, 16rem', card: '(max-width: 40rem) 45vw, 14rem' } as const;

/**
 * The cover's image, computed on the server (next/image stays out of the browser's bundle), or
 * null when the shop has none. `page`: the book page's cover, in the first screen; `card`: a
 * book card, often below the fold. The stored covers are drawn in COVER_BOX (2:3, as the .cover
 * box of app/globals.css); a cover of another shape is letterboxed, never cropped.
 */
export function coverImageProps(title: string, coverPath: string | null, variant: 'page' | 'card'): CoverImage | null {
  const src = coverImageSource(coverPath);
  if (!src) return null;
  // Without next/image's inline style attribute, which the Content-Security-Policy refuses (no 'unsafe-inline').
  const {
    props: { style: _inlineStyle, ...image },
  } = getImageProps({
    src,
    alt: coverAlt(title),
    width: COVER_BOX.width,
    height: COVER_BOX.height,
    sizes: SIZES[variant],
    loading: variant === 'page' ? 'eager' : 'lazy',
    fetchPriority: variant === 'page' ? 'high' : 'auto',
  });
  return image;
}
