import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookListSection } from '@/components/catalog/book-list-section';
import { listBooks } from '@/lib/data/storefront/catalog';
import { getCollection } from '@/lib/data/storefront/taxonomy';
import { isSlug } from '@/lib/validation/slug';
import { listingIndexing, listPageHref, parseCatalogQuery } from '@/lib/validation/catalog-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

async function load(slug: string) {
  return isSlug(slug) ? getCollection(slug) : null;
}

async function metadata({ params, searchParams }: PageProps<'/collection/[slug]'>): Promise<Metadata> {
  const collection = await load((await params).slug);
  if (!collection) return { title: 'Collection introuvable' };
  return {
    title: `${collection.name} (${collection.publisher.name})`,
    description: `Livres de la collection ${collection.name}, ${collection.publisher.name}.`,
    ...listingIndexing(parseCatalogQuery(await searchParams), `/collection/${collection.slug}`),
  };
}

async function CollectionPage({ params, searchParams }: PageProps<'/collection/[slug]'>) {
  const collection = await load((await params).slug);
  if (!collection) notFound();
  const query = parseCatalogQuery(await searchParams);
  const list = await listBooks(
    { collectionId: collection.id },
    { sort: query.tri, page: query.page, after: query.after },
  );
  allowListingInFrontCache();
  return (
    <>
      <h1>{collection.name}</h1>
      <p>
        Collection des éditions <Link href={`/editeur/${collection.publisher.slug}`}>{collection.publisher.name}</Link>.
      </p>
      <BookListSection
        list={list}
        label={`Livres de la collection ${collection.name}`}
        hrefFor={(page) => listPageHref(`/collection/${collection.slug}`, query, { page })}
        hrefAfter={(after) => listPageHref(`/collection/${collection.slug}`, query, { after })}
      />
    </>
  );
}

export default whenDatabaseAnswers(CollectionPage);

export const generateMetadata = whenDatabaseAnswers(metadata);
