// Draws the demo catalog's cover images (prisma/demo-catalog/covers.ts) as SVG and writes them
// to public/covers/<ean>.webp with sharp: our own designs (type, colour fields and simple
// shapes), so the demo has real-looking covers without borrowing any publisher's artwork.
// The files are committed; run this again only to change a design or add a cover:
//   npx tsx scripts/make-demo-covers.ts
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DEMO_CATALOG } from '../prisma/demo-catalog/catalog';
import { DEMO_COVERS, demoCoverPath, type CoverStyle } from '../prisma/demo-catalog/covers';
import { ROOT } from './lib/project';

export const COVER_WIDTH = 600;
export const COVER_HEIGHT = 900;

const SERIF = "'Liberation Serif', 'DejaVu Serif', serif";
const SANS = "'Liberation Sans', 'DejaVu Sans', sans-serif";

type CoverText = { title: string; subtitle?: string; authors: string[]; publisher: string; collection?: string };

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Words into lines of at most `maxChars` characters (a long word gets a line of its own). */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function textLines(
  lines: string[],
  options: { x: number; y: number; size: number; lineHeight?: number; anchor?: 'start' | 'middle'; attrs: string },
): string {
  const lineHeight = options.lineHeight ?? options.size * 1.15;
  return lines
    .map(
      (line, index) =>
        `<text x="${options.x}" y="${options.y + index * lineHeight}" font-size="${options.size}" text-anchor="${options.anchor ?? 'start'}" ${options.attrs}>${escapeXml(line)}</text>`,
    )
    .join('\n');
}

/** A number from the EAN, so that two covers of one style differ a little, the same way every run. */
const variant = (ean: string, count: number) => Number(ean.slice(-4)) % count;

const STYLES: Record<CoverStyle, (text: CoverText, ean: string) => string> = {
  // A university-press monograph: cream paper, a series band, contour lines of a territory.
  monograph: (t) => `
    <rect width="600" height="900" fill="#f3eee2"/>
    <rect width="600" height="86" fill="#2f5d50"/>
    ${textLines([t.collection ?? t.publisher], { x: 300, y: 54, size: 24, anchor: 'middle', attrs: `font-family="${SANS}" fill="#f3eee2" letter-spacing="1"` })}
    ${textLines(wrapWords(t.title, 20), { x: 60, y: 190, size: 50, attrs: `font-family="${SERIF}" font-weight="bold" fill="#1f2a26"` })}
    ${textLines(t.authors, { x: 60, y: 350, size: 28, attrs: `font-family="${SERIF}" font-style="italic" fill="#3d4a45"` })}
    <g fill="none" stroke="#2f5d50" stroke-width="3" opacity="0.75">
      ${[0, 1, 2, 3, 4, 5].map((i) => `<ellipse cx="${330 + i * 6}" cy="${610 - i * 4}" rx="${230 - i * 36}" ry="${150 - i * 23}" transform="rotate(-12 330 610)"/>`).join('')}
    </g>
    <circle cx="352" cy="596" r="9" fill="#b5562d"/>
    <line x1="60" y1="820" x2="540" y2="820" stroke="#2f5d50" stroke-width="2"/>
    ${textLines([t.publisher], { x: 300, y: 860, size: 26, anchor: 'middle', attrs: `font-family="${SANS}" font-weight="bold" fill="#2f5d50"` })}`,

  // A pocket guide: one strong colour, a white card with the title, the series name on top.
  'pocket-guide': (t, ean) => {
    const colour = ['#1d3f72', '#7c2d3b', '#1f5f5b'][variant(ean, 3)];
    return `
    <rect width="600" height="900" fill="${colour}"/>
    ${textLines([t.collection ?? ''], { x: 300, y: 110, size: 46, anchor: 'middle', attrs: `font-family="${SERIF}" font-style="italic" fill="#ffffff"` })}
    <rect x="50" y="250" width="500" height="400" fill="#ffffff"/>
    ${textLines(t.authors, { x: 300, y: 320, size: 26, anchor: 'middle', attrs: `font-family="${SANS}" fill="${colour}"` })}
    ${textLines(wrapWords(t.title, 16), { x: 300, y: 430, size: 54, anchor: 'middle', attrs: `font-family="${SANS}" font-weight="bold" fill="#111111"` })}
    ${textLines([t.publisher], { x: 300, y: 830, size: 22, anchor: 'middle', attrs: `font-family="${SANS}" fill="#ffffff" letter-spacing="2"` })}`;
  },

  // A law treatise: deep red cloth, a gilt double frame, centred capitals.
  treatise: (t) => `
    <rect width="600" height="900" fill="#6b1c1c"/>
    <rect x="30" y="30" width="540" height="840" fill="none" stroke="#d8b56a" stroke-width="4"/>
    <rect x="44" y="44" width="512" height="812" fill="none" stroke="#d8b56a" stroke-width="1.5"/>
    ${textLines([(t.collection ?? '').toUpperCase()], { x: 300, y: 130, size: 30, anchor: 'middle', attrs: `font-family="${SERIF}" fill="#d8b56a" letter-spacing="6"` })}
    <line x1="220" y1="170" x2="380" y2="170" stroke="#d8b56a" stroke-width="2"/>
    ${textLines(wrapWords(t.title.toUpperCase(), 14), { x: 300, y: 360, size: 58, anchor: 'middle', attrs: `font-family="${SERIF}" font-weight="bold" fill="#f4e7c8"` })}
    ${textLines(t.authors, { x: 300, y: 560, size: 30, lineHeight: 42, anchor: 'middle', attrs: `font-family="${SERIF}" fill="#f4e7c8"` })}
    <line x1="220" y1="720" x2="380" y2="720" stroke="#d8b56a" stroke-width="2"/>
    ${textLines([t.publisher.toUpperCase()], { x: 300, y: 800, size: 34, anchor: 'middle', attrs: `font-family="${SERIF}" fill="#d8b56a" letter-spacing="8"` })}`,

  // A handbook series: white, a coloured spine band with the series name, a grid of squares.
  handbook: (t) => `
    <rect width="600" height="900" fill="#ffffff"/>
    <rect width="96" height="900" fill="#e2a52a"/>
    <text x="62" y="860" font-size="40" font-family="${SANS}" font-weight="bold" fill="#ffffff" transform="rotate(-90 62 860)">${escapeXml(t.collection ?? '')}</text>
    ${textLines(t.authors, { x: 140, y: 110, size: 26, attrs: `font-family="${SANS}" fill="#444444"` })}
    ${textLines(wrapWords(t.title, 15), { x: 140, y: 220, size: 52, attrs: `font-family="${SANS}" font-weight="bold" fill="#111111"` })}
    <g>
      ${Array.from({ length: 16 }, (_, i) => `<rect x="${160 + (i % 4) * 92}" y="${470 + Math.floor(i / 4) * 72}" width="78" height="58" fill="${['#e2a52a', '#1b4e7a', '#d9d9d9', '#b23a2a'][(i * 7) % 4]}" opacity="${i % 3 === 0 ? 1 : 0.8}"/>`).join('')}
    </g>
    ${textLines([t.publisher], { x: 140, y: 860, size: 24, attrs: `font-family="${SANS}" fill="#111111"` })}`,

  // A political-science essay: a grey field, a stylised facade of columns, a black title block.
  essay: (t) => `
    <rect width="600" height="900" fill="#d9dee4"/>
    <polygon points="100,250 300,150 500,250" fill="#2b2f36"/>
    <rect x="100" y="250" width="400" height="22" fill="#2b2f36"/>
    ${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="${118 + i * 66}" y="290" width="32" height="230" fill="#3f4650"/>`).join('')}
    <rect x="90" y="520" width="420" height="26" fill="#2b2f36"/>
    <rect y="600" width="600" height="300" fill="#111418"/>
    ${textLines(wrapWords(t.title, 22), { x: 40, y: 670, size: 48, attrs: `font-family="${SERIF}" font-weight="bold" fill="#ffffff"` })}
    ${textLines(t.authors, { x: 40, y: 790, size: 28, attrs: `font-family="${SANS}" fill="#c9d1da"` })}
    ${textLines([`${t.publisher} — ${t.collection ?? ''}`], { x: 40, y: 860, size: 20, attrs: `font-family="${SANS}" fill="#8d99a6"` })}`,

  // A practical guide: an orange field with a town-hall pictogram, the title on white below.
  practice: (t) => `
    <rect width="600" height="900" fill="#ffffff"/>
    <rect width="600" height="470" fill="#e8672c"/>
    ${textLines([(t.collection ?? '').toUpperCase()], { x: 40, y: 70, size: 26, attrs: `font-family="${SANS}" font-weight="bold" fill="#ffffff" letter-spacing="3"` })}
    <g fill="#ffffff">
      <polygon points="190,230 300,170 410,230"/>
      <rect x="190" y="236" width="220" height="14"/>
      ${[0, 1, 2, 3].map((i) => `<rect x="${206 + i * 54}" y="262" width="26" height="110"/>`).join('')}
      <rect x="176" y="378" width="248" height="18"/>
      <rect x="288" y="120" width="4" height="52"/>
      <polygon points="292,120 330,132 292,144"/>
    </g>
    ${textLines(wrapWords(t.title, 19), { x: 40, y: 560, size: 48, attrs: `font-family="${SANS}" font-weight="bold" fill="#1b1b1b"` })}
    ${textLines(t.authors, { x: 40, y: 770, size: 28, attrs: `font-family="${SANS}" fill="#555555"` })}
    ${textLines([t.publisher], { x: 40, y: 860, size: 22, attrs: `font-family="${SANS}" fill="#e8672c"` })}`,
};

function coverText(ean: string): CoverText {
  const book = DEMO_CATALOG.books.find((candidate) => candidate.ean === ean);
  if (!book) throw new Error(`No demo book ${ean}`);
  const name = (slug: string) => DEMO_CATALOG.contributors.find((c) => c.slug === slug)?.name ?? slug;
  return {
    title: book.title,
    subtitle: book.subtitle,
    authors: book.contributors.filter((c) => (c.role ?? 'A01') === 'A01').map((c) => name(c.slug)),
    publisher: DEMO_CATALOG.publishers.find((p) => p.slug === book.publisherSlug)?.name ?? book.publisherSlug,
    collection: DEMO_CATALOG.collections.find((c) => c.slug === book.collectionSlug)?.name,
  };
}

export function coverSvg(ean: string, style: CoverStyle): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_WIDTH}" height="${COVER_HEIGHT}" viewBox="0 0 600 900">${STYLES[style](coverText(ean), ean)}</svg>`;
}

async function main() {
  const folder = path.join(ROOT, 'public/covers');
  mkdirSync(folder, { recursive: true });
  for (const { ean, style } of DEMO_COVERS) {
    const file = path.join(ROOT, 'public', demoCoverPath(ean));
    const info = await sharp(Buffer.from(coverSvg(ean, style)))
      .webp({ quality: 82 })
      .toFile(file);
    console.log(`${path.relative(ROOT, file)}  ${info.width}×${info.height}  ${(info.size / 1024).toFixed(0)} KiB`);
  }
}

await main();
