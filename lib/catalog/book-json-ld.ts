import type { Availability } from '@/lib/availability';
import { formatDecimalAmount } from '@/lib/core/money';

// schema.org Book with an Offer: https://schema.org/Book, https://schema.org/Offer,
// https://developers.google.com/search/docs/appearance/structured-data/product
export type BookJsonLdInput = {
  url: string;
  ean: string;
  title: string;
  authors: string[];
  publisher: string;
  publishedOn: Date | null;
  pageCount: number | null;
  languageCode: string;
  description: string;
  priceCents: number;
  availability: Availability;
  /** "Le mot du libraire": a Review by the shop (https://schema.org/Review). */
  pick?: { note: string; booksellerName: string; shopName: string } | null;
};

// ISO 639-2/B → BCP 47 for inLanguage.
const BCP47: Record<string, string> = { fre: 'fr', eng: 'en', ger: 'de', spa: 'es', ita: 'it', por: 'pt', lat: 'la' };

export function bookJsonLd(book: BookJsonLdInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Book',
    '@id': book.url,
    url: book.url,
    name: book.title,
    isbn: book.ean,
    gtin13: book.ean,
    author: book.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: book.publisher },
    ...(book.publishedOn && { datePublished: book.publishedOn.toISOString().slice(0, 10) }),
    ...(book.pageCount !== null && { numberOfPages: book.pageCount }),
    inLanguage: BCP47[book.languageCode] ?? book.languageCode,
    description: book.description,
    offers: {
      '@type': 'Offer',
      url: book.url,
      // Prices are integer cents; schema.org wants a decimal string with a dot.
      price: formatDecimalAmount(book.priceCents),
      priceCurrency: 'EUR',
      availability: `https://schema.org/${book.availability.schemaOrg}`,
      itemCondition: 'https://schema.org/NewCondition',
    },
    // The shop's review: its author is the shop, the bookseller who signs it a contributor. No
    // rating: a bookseller's note recommends, it does not score
    // (https://developers.google.com/search/docs/appearance/structured-data/review-snippet).
    ...(book.pick && {
      review: {
        '@type': 'Review',
        author: { '@type': 'Organization', name: book.pick.shopName },
        contributor: { '@type': 'Person', name: book.pick.booksellerName },
        reviewBody: book.pick.note,
      },
    }),
  };
}

/** JSON for a <script> element: "<" escaped so the text can never close the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
