import { describe, expect, it } from 'vitest';
import { LAST_NUMBERED_PAGE } from '@/lib/shop/config';
import { catalogHref, listingIndexing, listPageHref, parseCatalogQuery } from './catalog-query';
import { encodeListingKey } from './listing-key';

describe('parseCatalogQuery', () => {
  it('reads a full query', () => {
    expect(
      parseCatalogQuery({
        theme: 'droit/droit-administratif',
        editeur: 'dalloz',
        disponibilite: 'en-stock',
        tri: 'titre',
        page: '3',
      }),
    ).toEqual({
      theme: 'droit/droit-administratif',
      editeur: 'dalloz',
      collection: undefined,
      disponibilite: 'en-stock',
      tri: 'titre',
      page: 3,
    });
  });

  it.each([['-1'], ['0'], ['abc'], ['1.5'], ['99999999999'], ['%00']])('falls back to page 1 for page=%s', (page) => {
    expect(parseCatalogQuery({ page }).page).toBe(1);
  });

  it('ignores unknown or malformed filters', () => {
    const query = parseCatalogQuery({ theme: '../etc', editeur: 'A B', disponibilite: 'partout', tri: 'hasard' });
    expect(query).toMatchObject({ theme: undefined, editeur: undefined, disponibilite: undefined, tri: 'nouveautes' });
  });

  it('shows the last numbered page for a larger page number', () => {
    expect(parseCatalogQuery({ page: String(LAST_NUMBERED_PAGE + 1) }).page).toBe(LAST_NUMBERED_PAGE);
    expect(parseCatalogQuery({ page: '200' }).page).toBe(LAST_NUMBERED_PAGE);
  });

  it('reads the key of a page reached by key for its sort, and ignores the page number then', () => {
    const apres = encodeListingKey({ value: 2900, id: 12 });
    expect(parseCatalogQuery({ tri: 'prix-croissant', apres, page: '7' })).toMatchObject({
      page: 1,
      after: { value: 2900, id: 12 },
    });
    expect(parseCatalogQuery({ tri: 'titre', apres }).after).toBeUndefined();
    expect(parseCatalogQuery({ apres: 'forged' }).after).toBeUndefined();
  });

  it('asks crawlers not to index a page reached by key but to follow its links; numbered pages keep their canonical', () => {
    const apres = encodeListingKey({ value: null, id: 12 });
    expect(listingIndexing(parseCatalogQuery({ apres }), '/livres')).toEqual({
      robots: { index: false, follow: true },
    });
    expect(listingIndexing(parseCatalogQuery({ page: '3' }), '/livres')).toEqual({
      alternates: { canonical: '/livres' },
    });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseCatalogQuery({ page: ['2', '5'] }).page).toBe(2);
  });
});

describe('catalogHref', () => {
  it('leaves defaults out and resets nothing it is not asked to', () => {
    const query = parseCatalogQuery({ editeur: 'dalloz', page: '2' });
    expect(catalogHref(query, { page: 3 })).toBe('/livres?editeur=dalloz&page=3');
    expect(catalogHref(query, { page: 1, tri: 'titre' })).toBe('/livres?editeur=dalloz&tri=titre');
  });
});

describe('links past the numbered pages', () => {
  const after = { value: '2024-03-01', id: 42 };
  const apres = encodeListingKey(after);

  it('carry the key instead of a page number', () => {
    const query = parseCatalogQuery({ editeur: 'dalloz', page: '84' });
    expect(catalogHref(query, { after })).toBe(`/livres?editeur=dalloz&apres=${apres}`);
    expect(listPageHref('/theme/droit', query, { after })).toBe(`/theme/droit?apres=${apres}`);
    expect(listPageHref('/theme/droit', query, { page: 3 })).toBe('/theme/droit?page=3');
  });

  it('drop the key when the sort, a filter or the page changes', () => {
    const query = parseCatalogQuery({ apres });
    expect(query.after).toEqual(after);
    expect(catalogHref(query, { tri: 'titre' })).toBe('/livres?tri=titre');
    expect(catalogHref(query, { editeur: 'dalloz' })).toBe('/livres?editeur=dalloz');
    expect(catalogHref(query, { page: 1 })).toBe('/livres');
  });
});
