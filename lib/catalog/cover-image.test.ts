import { describe, expect, it } from 'vitest';
import { coverAlt, coverImageSource } from './cover-image';

describe('coverImageSource', () => {
  it.each(['/covers/9782296998414.webp', '/covers/a-b_c.1.png', '/covers/x.jpg', '/covers/x.jpeg', '/covers/x.avif'])(
    'serves the local cover %s',
    (path) => expect(coverImageSource(path)).toBe(path),
  );

  it.each([
    null,
    undefined,
    '',
    'https://images.distributeur.example/9782296998414.jpg',
    '//evil.example/covers/x.webp',
    '/covers/../secrets.webp',
    '/covers/x.svg',
    '/covers/sub/x.webp',
    '/autre/x.webp',
    '/covers/.hidden.webp',
    '/covers/x.webp?w=3840',
  ])('gives the typographic cover for %s', (path) => expect(coverImageSource(path)).toBeNull());
});

it('describes the cover by the title', () => {
  expect(coverAlt("L'action publique territoriale")).toBe("Couverture de « L'action publique territoriale »");
});
