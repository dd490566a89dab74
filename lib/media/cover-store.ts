import 'server-only';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  COVER_BOX,
  COVER_FILE_NAME,
  COVER_URL_PREFIX,
  MAX_COVER_BYTES,
  MAX_COVER_PIXELS,
  sniffCoverType,
  type CoverImageType,
} from '@/lib/catalog/cover-upload';
import { getEnv } from '@/lib/env';
import { failure, type Result } from '@/lib/core/result';
import { logger } from '@/lib/observability/logger';

// Covers uploaded in the back office: checked (size, then type by their first bytes, then
// decoded with a pixel limit), resized into the book page's box and re-encoded as WebP with
// sharp, so what is served is an image the shop made, never the bytes a browser sent (no
// metadata, no polyglot file). Stored under COVERS_DIR with a content hash in the name: a new
// cover gets a new URL, so /couvertures/ can be cached for a year. Without sharp (a platform
// with no prebuilt binary) the checked original is stored as it came.

export function coversDir(): string {
  const env = getEnv();
  return path.resolve(env.COVERS_DIR ?? path.join(env.LIBRAIRIE_DATA_DIR, 'covers'));
}

const EXTENSIONS: Record<CoverImageType, 'jpg' | 'png' | 'webp'> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

type Sharp = (typeof import('sharp'))['default'];

let sharpModule: Promise<Sharp | null> | undefined;

function loadSharp(): Promise<Sharp | null> {
  sharpModule ??= import('sharp')
    .then((module) => module.default)
    .catch((error: unknown) => {
      logger.warn({ err: error }, 'sharp unavailable: covers are stored as uploaded');
      return null;
    });
  return sharpModule;
}

export const COVER_TOO_LARGE = `Image trop lourde : ${MAX_COVER_BYTES / 1024 / 1024} Mo au plus.`;

/** Checks, resizes and stores a cover; returns the URL path to save on the book. */
export async function storeCover(ean: string, bytes: Uint8Array): Promise<Result<{ coverPath: string }>> {
  if (bytes.length === 0) return failure('EMPTY_FILE', 'Choisissez une image.');
  if (bytes.length > MAX_COVER_BYTES) return failure('FILE_TOO_LARGE', COVER_TOO_LARGE);
  const type = sniffCoverType(bytes);
  if (!type) return failure('NOT_AN_IMAGE', 'Ce fichier n’est pas une image JPEG, PNG ou WebP.');

  const sharp = await loadSharp();
  let output: Uint8Array = bytes;
  let extension = EXTENSIONS[type];
  if (sharp) {
    try {
      output = await sharp(bytes, { limitInputPixels: MAX_COVER_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: COVER_BOX.width, height: COVER_BOX.height, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer();
      extension = 'webp';
    } catch (error) {
      // A truncated or forged file, or one past the pixel limit: an expected refusal.
      logger.warn({ err: error }, 'cover refused by sharp');
      return failure(
        'UNREADABLE_IMAGE',
        'Image illisible ou trop grande (50 mégapixels au plus) : essayez un autre fichier.',
      );
    }
  }
  const hash = createHash('sha256').update(output).digest('hex').slice(0, 16);
  const fileName = `${ean}-${hash}.${extension}`;
  const directory = coversDir();
  await mkdir(directory, { recursive: true });
  // Written under a temporary name, then renamed: a reader never gets half a file.
  const temporary = path.join(directory, `.${fileName}.${process.pid}.tmp`);
  await writeFile(temporary, output);
  await rename(temporary, path.join(directory, fileName));
  return { ok: true, coverPath: `${COVER_URL_PREFIX}${fileName}` };
}

const CONTENT_TYPES = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;

/** A stored cover by its file name, or null (unknown, or a name that is not a cover's). */
export async function readCover(fileName: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const match = COVER_FILE_NAME.exec(fileName);
  if (!match) return null;
  try {
    const bytes = await readFile(path.join(coversDir(), fileName));
    return { bytes, contentType: CONTENT_TYPES[match[3] as keyof typeof CONTENT_TYPES] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
