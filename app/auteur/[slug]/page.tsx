import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BookListSection } from '@/components/catalog/book-list-section';
import { listBooks } from '@/lib/data/storefront/catalog';
import { getContributor } from '@/lib/data/storefront/taxonomy';
import { isSlug } from '@/lib/validation/slug';
import { listingIndexing, listPageHref, parseCatalogQuery } from '@/lib/validation/catalog-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

async function load(slug: string) {
  return isSlug(slug) ? getContributor(slug) : null;
}

async function metadata({ params, searchParams }: PageProps<'/auteur/[slug]'>): Promise<Metadata> {
  const author = await load((await params).slug);
  if (!author) return { title: 'Auteur introuvable' };
  return {
    title: author.name,
    description: author.biography?.slice(0, 300) ?? `Livres de ${author.name}.`,
    ...listingIndexing(parseCatalogQuery(await searchParams), `/auteur/${author.slug}`),
  };
}

async function AuthorPage({ params, searchParams }: PageProps<'/auteur/[slug]'>) {
  const author = await load((await params).slug);
  if (!author) notFound();
  const query = parseCatalogQuery(await searchParams);
  const list = await listBooks({ contributorId: author.id }, { sort: query.tri, page: query.page, after: query.after });
  allowListingInFrontCache();
  return (
    <>
      <h1>{author.name}</h1>
      {author.biography && <p>{author.biography}</p>}
      <h2>Ses livres</h2>
      <BookListSection
        list={list}
        label={`Livres de ${author.name}`}
        hrefFor={(page) => listPageHref(`/auteur/${author.slug}`, query, { page })}
        hrefAfter={(after) => listPageHref(`/auteur/${author.slug}`, query, { after })}
      />
    </>
  );
}

export default whenDatabaseAnswers(AuthorPage);

export const generateMetadata = whenDatabaseAnswers(metadata);
