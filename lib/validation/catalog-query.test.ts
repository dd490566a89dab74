import { describe, expect, it } from 'vitest';
import { catalogHref, parseCatalogQuery } from './catalog-query';

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
