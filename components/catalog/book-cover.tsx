import type { CoverImage } from './cover-image-props';

type Props = {
  title: string;
  /** As printed on the cover: "Fabrice Dhume-Sonzogni, Laure Chassaing". */
  authors: string;
  /** From coverImageProps, on the server; null when the shop has no cover. */
  image: CoverImage | null;
};

/** The cover image, or a typographic stand-in (decorative: the title is next to it) when the shop has none. */
export function BookCover({ title, authors, image }: Props) {
  if (image) {
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
      <span>{authors}</span>
    </div>
  );
}
