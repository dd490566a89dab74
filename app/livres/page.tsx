import type { Metadata } from 'next';
import { BookListSection } from '@/components/catalog/book-list-section';
import { CatalogFilters } from '@/components/catalog/catalog-filters';
import { getCatalogPage } from '@/lib/data/storefront/catalog';
import { listThemeTree } from '@/lib/data/storefront/themes';
import { catalogHref, listingIndexing, parseCatalogQuery } from '@/lib/validation/catalog-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

export async function generateMetadata({ searchParams }: PageProps<'/livres'>): Promise<Metadata> {
  return {
    title: 'Catalogue',
    description: 'Tout le catalogue de la librairie : droit, science politique, économie, histoire, philosophie.',
    ...listingIndexing(parseCatalogQuery(await searchParams), '/livres'),
  };
}

async function CatalogPage({ searchParams }: PageProps<'/livres'>) {
  const query = parseCatalogQuery(await searchParams);
  const [{ list, publishers, collections }, themes] = await Promise.all([getCatalogPage(query), listThemeTree()]);
  allowListingInFrontCache();
  return (
    <>
      <h1>Catalogue</h1>
      <CatalogFilters query={query} themes={themes} publishers={publishers} collections={collections} />
      <BookListSection
        list={list}
        label="Livres du catalogue"
        hrefFor={(page) => catalogHref(query, { page })}
        hrefAfter={(after) => catalogHref(query, { after })}
        empty="Aucun livre ne correspond à ces critères."
      />
    </>
  );
}

export default whenDatabaseAnswers(CatalogPage);
