import { describe, expect, it } from 'vitest';
import { encodeListingKey, MAX_LISTING_TOKEN_LENGTH, parseListingKey } from './listing-key';

const token = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

describe('parseListingKey', () => {
  it.each([
    ['nouveautes', { value: '2024-03-01', id: 17 }],
    ['nouveautes', { value: null, id: 17 }],
    ['titre', { value: 'cooperation dans l action publique', id: 3 }],
    ['titre', { value: 'Œuvres « complètes » — 日本', id: 3 }],
    ['prix-croissant', { value: 0, id: 1 }],
    ['prix-decroissant', { value: 2_147_483_647, id: 2_147_483_647 }],
  ] as const)('reads back the key it wrote for %s', (sort, key) => {
    expect(parseListingKey(encodeListingKey(key), sort)).toEqual(key);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['not base64url', 'a+b/c='],
    ['not JSON', token('{"oops')],
    ['an object', token('{"value":1,"id":2}')],
    ['three items', token('[1,2,3]')],
    ['a price as text', token('["12",5]')],
    ['a price past PostgreSQL integer', token('[2147483648,5]')],
    ['a negative price', token('[-1,5]')],
    ['a fractional price', token('[1.5,5]')],
    ['id zero', token('[100,0]')],
    ['an id past PostgreSQL integer', token('[100,9007199254740993]')],
    ['an id as text', token('[100,"5"]')],
    ['too long', 'A'.repeat(MAX_LISTING_TOKEN_LENGTH + 1)],
  ])('refuses a price key that is %s', (_, value) => {
    expect(parseListingKey(value, 'prix-croissant')).toBeNull();
  });

  it.each([
    ['a date that does not exist', token('["2024-02-30",5]')],
    ['year 0, out of PostgreSQL range', token('["0000-01-01",5]')],
    ['a timestamp', token('["2024-03-01T00:00:00Z",5]')],
    ['a number', token('[20240301,5]')],
    ['SQL', token('["2024-03-01\'; DROP TABLE \\"Book\\"; --",5]')],
  ])('refuses a date key that is %s', (_, value) => {
    expect(parseListingKey(value, 'nouveautes')).toBeNull();
  });

  it('refuses a title holding NUL, which PostgreSQL text cannot hold', () => {
    expect(parseListingKey(encodeListingKey({ value: 'a\u0000b', id: 1 }), 'titre')).toBeNull();
  });

  it('refuses the key of another sort', () => {
    expect(parseListingKey(encodeListingKey({ value: 2900, id: 1 }), 'titre')).toBeNull();
    expect(parseListingKey(encodeListingKey({ value: 'abc', id: 1 }), 'nouveautes')).toBeNull();
  });
});
