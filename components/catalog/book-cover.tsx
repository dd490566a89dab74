import { getImageProps } from 'next/image';
import { coverAlt, coverImageSource } from '@/lib/catalog/cover-image';

type Props = {
  title: string;
  authors: string[];
  coverPath: string | null;
  /** page: the book page's cover, in the first screen; card: a book card, often below the fold. */
  variant?: 'page' | 'card';
};

// The cover box is 2:3 (app/globals.css, .cover); the stored covers are drawn at 600 × 900. A
// cover of another shape is letterboxed in the box (object-fit: contain), never cropped.
const COVER_WIDTH = 600;
const COVER_HEIGHT = 900;

// The widths the browser picks from (next.config.js, images): the page's cover is 6.5rem wide
// on a phone and 16rem beside the text; a card is about half a phone's width, 14rem on a desktop.
const SIZES = { page: '(max-width: 40rem) 6.5rem, 16rem', card: '(max-width: 40rem) 45vw, 14rem' } as const;

/** The cover image, or a typographic stand-in (decorative: the title is next to it) when the shop has none. */
export function BookCover({ title, authors, coverPath, variant = 'card' }: Props) {
  const src = coverImageSource(coverPath);
  if (src) {
    // getImageProps gives next/image's resized sources (srcset through /_next/image) without its
    // inline style attribute, which the Content-Security-Policy refuses (no 'unsafe-inline').
    const {
      props: { style: _inlineStyle, ...image },
    } = getImageProps({
      src,
      alt: coverAlt(title),
      width: COVER_WIDTH,
      height: COVER_HEIGHT,
      sizes: SIZES[variant],
      loading: variant === 'page' ? 'eager' : 'lazy',
      fetchPriority: variant === 'page' ? 'high' : 'auto',
    });
    return (
      <div className="cover cover--image">
        {/* eslint-disable-next-line @next/next/no-img-element -- next/image's props, without its inline style (CSP) */}
        <img {...image} alt={image.alt} />
      </div>
    );
  }
  return (
    <div className="cover" aria-hidden="true">
      <span className="cover-title">{title}</span>
      <span>{authors.join(', ')}</span>
    </div>
  );
}
