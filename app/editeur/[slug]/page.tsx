import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookListSection } from '@/components/catalog/book-list-section';
import { listBooks } from '@/lib/data/storefront/catalog';
import { getPublisher } from '@/lib/data/storefront/taxonomy';
import { isSlug } from '@/lib/validation/slug';
import { listingIndexing, listPageHref, parseCatalogQuery } from '@/lib/validation/catalog-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

async function load(slug: string) {
  return isSlug(slug) ? getPublisher(slug) : null;
}

async function metadata({ params, searchParams }: PageProps<'/editeur/[slug]'>): Promise<Metadata> {
  const publisher = await load((await params).slug);
  if (!publisher) return { title: 'Éditeur introuvable' };
  return {
    title: publisher.name,
    description: `Livres des éditions ${publisher.name}.`,
    ...listingIndexing(parseCatalogQuery(await searchParams), `/editeur/${publisher.slug}`),
  };
}

async function PublisherPage({ params, searchParams }: PageProps<'/editeur/[slug]'>) {
  const publisher = await load((await params).slug);
  if (!publisher) notFound();
  const query = parseCatalogQuery(await searchParams);
  const list = await listBooks(
    { publisherId: publisher.id },
    { sort: query.tri, page: query.page, after: query.after },
  );
  allowListingInFrontCache();
  return (
    <>
      <h1>{publisher.name}</h1>
      {publisher.collections.length > 0 && (
        <nav aria-label="Collections de l’éditeur">
          <h2>Collections</h2>
          <ul className="theme-list">
            {publisher.collections.map((c) => (
              <li key={c.slug}>
                <Link href={`/collection/${c.slug}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h2>Livres</h2>
      <BookListSection
        list={list}
        label={`Livres de ${publisher.name}`}
        hrefFor={(page) => listPageHref(`/editeur/${publisher.slug}`, query, { page })}
        hrefAfter={(after) => listPageHref(`/editeur/${publisher.slug}`, query, { after })}
      />
    </>
  );
}

export default whenDatabaseAnswers(PublisherPage);

export const generateMetadata = whenDatabaseAnswers(metadata);
