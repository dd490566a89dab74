type Props = { title: string; authors: string[]; coverPath: string | null };

/** The cover, or a typographic stand-in when the shop has no image. Decorative: the title is next to it. */
export function BookCover({ title, authors, coverPath }: Props) {
  if (coverPath) {
    return (
      <div className="cover">
        {/* eslint-disable-next-line @next/next/no-img-element -- covers are plain files in public/ */}
        <img src={coverPath} alt="" />
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
