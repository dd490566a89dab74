import { describe, expect, it } from 'vitest';
import { deriveAvailability } from '@/lib/availability';
import { bookJsonLd } from './book-json-ld';

const BOOK = {
  url: 'https://librairie.example/livre/9782247225316',
  ean: '9782247225316',
  title: 'Les grands arrêts de la jurisprudence administrative',
  authors: ['Marceau Long'],
  publisher: 'Dalloz',
  publishedOn: new Date('2023-09-13'),
  pageCount: 1010,
  languageCode: 'fre',
  description: 'Les décisions fondatrices.',
  priceCents: 4700,
  availability: deriveAvailability({ onHand: 2, supplierCode: '21', supplierLeadTime: null, expectedDate: null }),
};

describe('bookJsonLd', () => {
  it('gives the bookseller’s note as a Review by the shop', () => {
    const data = bookJsonLd({
      ...BOOK,
      pick: { note: 'À garder sur sa table.', booksellerName: 'Claire', shopName: 'Librairie du Palais' },
    });
    expect(data.review).toEqual({
      '@type': 'Review',
      author: { '@type': 'Organization', name: 'Librairie du Palais' },
      contributor: { '@type': 'Person', name: 'Claire' },
      reviewBody: 'À garder sur sa table.',
    });
    expect(data.offers.price).toBe('47.00');
  });

  it('has no review without a pick', () => {
    expect('review' in bookJsonLd({ ...BOOK, pick: null })).toBe(false);
  });
});
