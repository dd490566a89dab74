import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { BookDetails } from '@/components/product/book-details';
import { RelatedBookRows } from '@/components/product/related-book-rows';
import { estimateDeliveryWindow } from '@/lib/availability';
import { bookJsonLd, serializeJsonLd } from '@/lib/catalog/book-json-ld';
import { getBookPage } from '@/lib/data/storefront/books';
import { listRelatedBooks } from '@/lib/data/storefront/related-books';
import { getShopSettings } from '@/lib/data/staff/shop-settings';
import { getEnv } from '@/lib/env';
import { normalizeEanParam } from '@/lib/isbn';
import { SHOP } from '@/lib/shop/config';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowFrontCache, bookTag, neighbourTags, tagResponse } from '@/lib/front-cache/response-tags';

// One query per request, shared by the metadata and the page.
const loadBook = cache(async (param: string) => {
  const ean = normalizeEanParam(param);
  return ean ? getBookPage(ean) : null;
});

async function metadata({ params }: PageProps<'/livre/[ean]'>): Promise<Metadata> {
  const book = await loadBook((await params).ean);
  if (!book) return { title: 'Livre introuvable' };
  const authors = book.contributors.filter((c) => c.role === 'A01').map((c) => c.name);
  const description = (book.descriptionParagraphs[0] ?? book.title).slice(0, 300);
  const url = `/livre/${book.ean}`;
  return {
    title: `${book.title}${authors.length ? ` — ${authors.join(', ')}` : ''}`,
    description,
    alternates: { canonical: url },
    openGraph: { type: 'book', title: book.title, description, url, locale: 'fr_FR', isbn: book.ean, authors },
  };
}

async function BookRoute({ params }: PageProps<'/livre/[ean]'>) {
  const book = await loadBook((await params).ean);
  if (!book) notFound();
  // The related rows are rendered with the page (no request from the browser): a front cache that
  // keeps the page keeps them too.
  const [{ orderCutoffHour, name: shopName }, related] = await Promise.all([
    getShopSettings(),
    listRelatedBooks(book.relatedKeys),
  ]);
  const { shipWithin } = book.availability;
  const deliveryLabel = shipWithin
    ? estimateDeliveryWindow({
        now: new Date(),
        shipWithin,
        transit: SHOP.transitDays,
        cutoffHour: orderCutoffHour,
      }).label
    : null;
  // The same for every reader until the delivery estimate moves (on the hour: allowFrontCache).
  allowFrontCache();
  tagResponse(bookTag(book.ean), ...neighbourTags(book.relatedKeys));
  const jsonLd = bookJsonLd({
    url: `${getEnv().SITE_URL}/livre/${book.ean}`,
    ean: book.ean,
    title: book.title,
    authors: book.contributors.filter((c) => c.role === 'A01').map((c) => c.name),
    publisher: book.publisher.name,
    publishedOn: book.publishedOn,
    pageCount: book.pageCount,
    languageCode: book.languageCode,
    description: book.descriptionParagraphs.join('\n\n'),
    priceCents: book.priceCents,
    availability: book.availability,
    pick: book.pick && { ...book.pick, shopName },
  });
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }} />
      <BookDetails book={book} deliveryLabel={deliveryLabel} />
      <RelatedBookRows book={book} related={related} />
    </>
  );
}

export default whenDatabaseAnswers(BookRoute);

export const generateMetadata = whenDatabaseAnswers(metadata);
