// Demo books that have a cover image: WebP files in public/covers/, drawn by
// scripts/make-demo-covers.ts (our own designs: typography and shapes, no publisher's artwork).
// Only invented titles get one; the real books of the catalog (the seed book, the classics)
// keep the shop's typographic cover rather than a cover they never had.

/** The look of a cover, loosely after the kind of series the book belongs to. */
export type CoverStyle = 'monograph' | 'pocket-guide' | 'treatise' | 'handbook' | 'essay' | 'practice';

export const DEMO_COVERS: { ean: string; style: CoverStyle }[] = [
  // The seed book's collection and theme: its page shows them in its related rows.
  { ean: '9782296998414', style: 'monograph' }, // L'action publique territoriale
  { ean: '9782130812944', style: 'pocket-guide' }, // La police administrative
  { ean: '9782701319803', style: 'practice' }, // Le maire et ses pouvoirs de police
  // On the home page.
  { ean: '9782247248155', style: 'treatise' }, // Droit administratif
  { ean: '9782724641073', style: 'essay' }, // Les élites de l'État
  // Elsewhere in the catalog.
  { ean: '9782348079559', style: 'handbook' }, // La décentralisation en France
  { ean: '9782130835219', style: 'pocket-guide' }, // Le service public
];

/** The public path of a demo cover (next/image serves it resized: next.config.js, images). */
export function demoCoverPath(ean: string): string {
  return `/covers/${ean}.webp`;
}
