import { describe, expect, it } from 'vitest';
import {
  idRangeOf,
  isListedPart,
  parseSitemapPartName,
  sitemapIndexXml,
  sitemapPartName,
  sitemapParts,
  urlSetXml,
  URLS_PER_SITEMAP,
} from './sitemap';

describe('sitemap files', () => {
  it('cuts each table into files of 50,000 ids at most', () => {
    const parts = sitemapParts({ livres: 1_000_000, auteurs: 50_001, editeurs: 0, collections: 3 });
    const names = parts.map(sitemapPartName);
    expect(names[0]).toBe('pages.xml');
    expect(names.filter((name) => name.startsWith('livres-'))).toHaveLength(20);
    expect(names).toContain('livres-19.xml');
    expect(names).not.toContain('livres-20.xml');
    expect(names.filter((name) => name.startsWith('auteurs-'))).toEqual(['auteurs-0.xml', 'auteurs-1.xml']);
    expect(names.some((name) => name.startsWith('editeurs-'))).toBe(false);
    expect(names).toContain('collections-0.xml');
  });

  it('covers every id once, in ranges of 50,000', () => {
    expect(idRangeOf(0)).toEqual({ from: 1, to: URLS_PER_SITEMAP });
    expect(idRangeOf(1)).toEqual({ from: URLS_PER_SITEMAP + 1, to: 2 * URLS_PER_SITEMAP });
  });

  it('reads back the names it gives, and nothing else', () => {
    for (const part of sitemapParts({ livres: 120_000, auteurs: 1, editeurs: 1, collections: 1 })) {
      expect(parseSitemapPartName(sitemapPartName(part))).toEqual(part);
    }
    for (const name of [
      'livres-01.xml',
      'livres--1.xml',
      'livres-1',
      'themes-0.xml',
      'livres-9999999.xml',
      '../pages.xml',
    ]) {
      expect(parseSitemapPartName(name)).toBeNull();
    }
  });

  it('lists no file past the last id', () => {
    const maxIds = { livres: 50_000, auteurs: 0, editeurs: 0, collections: 0 };
    expect(isListedPart({ kind: 'livres', index: 0 }, maxIds)).toBe(true);
    expect(isListedPart({ kind: 'livres', index: 1 }, maxIds)).toBe(false);
    expect(isListedPart({ kind: 'auteurs', index: 0 }, maxIds)).toBe(false);
    expect(isListedPart({ kind: 'pages' }, maxIds)).toBe(true);
  });

  it('writes the protocol’s XML, escaping what it must', () => {
    const lastModified = new Date('2026-12-01T10:00:00Z');
    expect(urlSetXml([{ loc: 'https://x.fr/auteur/a&b', lastModified }])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>https://x.fr/auteur/a&#38;b</loc><lastmod>2026-12-01T10:00:00.000Z</lastmod></url>\n</urlset>\n',
    );
    expect(sitemapIndexXml([{ loc: 'https://x.fr/plan-du-site/pages.xml' }])).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://x.fr/plan-du-site/pages.xml</loc></sitemap>\n',
    );
  });
});
