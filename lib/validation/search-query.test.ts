import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchHref } from './search-query';

describe('parseSearchQuery', () => {
  it('keeps the words and the page', () => {
    expect(parseSearchQuery({ q: '  droit public ', page: '2' })).toEqual({ q: 'droit public', page: 2 });
  });
  it('handles missing, control-character and huge queries', () => {
    expect(parseSearchQuery({})).toEqual({ q: '', page: 1 });
    expect(parseSearchQuery({ q: '\u0000' }).q).toBe('');
    expect(parseSearchQuery({ q: 'x'.repeat(1000) }).q).toHaveLength(200);
    expect(parseSearchQuery({ q: 'a', page: '-3' }).page).toBe(1);
  });
});

describe('searchHref', () => {
  it('encodes the query', () => {
    expect(searchHref('coopération & action', 2)).toBe('/recherche?q=coop%C3%A9ration+%26+action&page=2');
  });
});

describe('search filters', () => {
  it('keeps valid facet filters and drops malformed ones', () => {
    expect(parseSearchQuery({ q: 'droit', theme: 'droit', editeur: 'dalloz', disponibilite: 'en-stock' })).toEqual({
      q: 'droit',
      page: 1,
      theme: 'droit',
      editeur: 'dalloz',
      disponibilite: 'en-stock',
    });
    expect(parseSearchQuery({ q: 'droit', theme: '../x', disponibilite: 'partout' })).toEqual({ q: 'droit', page: 1 });
  });

  it('puts the filters in the link', () => {
    expect(searchHref('droit', 1, { editeur: 'dalloz', disponibilite: 'en-stock' })).toBe(
      '/recherche?q=droit&editeur=dalloz&disponibilite=en-stock',
    );
  });
});
