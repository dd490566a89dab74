import { describe, expect, it } from 'vitest';
import { COVER_FILE_NAME, sniffCoverType } from './cover-upload';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffCoverType', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffCoverType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('jpeg');
    expect(sniffCoverType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffCoverType(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
  });

  it.each([
    ['a GIF', text('GIF89a......')],
    ['an SVG (scripts inside an image)', text('<svg xmlns="http://www.w3.org/2000/svg"><script>')],
    ['HTML', text('<!doctype html>')],
    ['a PDF', text('%PDF-1.7')],
    ['nothing', new Uint8Array()],
    ['a truncated PNG', bytes(0x89, 0x50, 0x4e)],
  ])('refuses %s', (_label, value) => expect(sniffCoverType(value)).toBeNull());
});

describe('COVER_FILE_NAME', () => {
  it('names an EAN and a content hash', () => {
    expect(COVER_FILE_NAME.test('9782296013681-3f2a9c1b0d4e5f60.webp')).toBe(true);
    expect(COVER_FILE_NAME.test('../../etc/passwd')).toBe(false);
    expect(COVER_FILE_NAME.test('9782296013681-3f2a9c1b0d4e5f60.webp/..')).toBe(false);
  });
});
