import { z } from 'zod';
import { scannedEan } from './stock-desk';

// "Ma liste": a book added or removed by its EAN; the list shared by a link of 128 random bits.

export const WishListBookSchema = z.object({ ean: scannedEan });

/** Books one list may hold: a reading list, not a catalogue. */
export const WISH_LIST_MAX_BOOKS = 500;

const SHARE_TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function isWishListShareToken(value: unknown): value is string {
  return typeof value === 'string' && SHARE_TOKEN.test(value);
}
