import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BookListSection } from '@/components/catalog/book-list-section';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { listBooks, listThemeSubtreeIds } from '@/lib/data/storefront/catalog';
import { getTheme } from '@/lib/data/storefront/themes';
import { listingIndexing, listPageHref, parseCatalogQuery } from '@/lib/validation/catalog-query';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';

const THEME_SEGMENT = /^[a-z0-9-]{1,80}$/;

function themePath(segments: string[]): string | null {
  return segments.length <= 8 && segments.every((s) => THEME_SEGMENT.test(s)) ? segments.join('/') : null;
}

async function metadata({ params, searchParams }: PageProps<'/theme/[...path]'>): Promise<Metadata> {
  const path = themePath((await params).path);
  const theme = path ? await getTheme(path) : null;
  if (!theme) return { title: 'Thème introuvable' };
  return {
    title: theme.ancestry.map((t) => t.name).join(' › '),
    description: `Livres du thème ${theme.name}.`,
    ...listingIndexing(parseCatalogQuery(await searchParams), `/theme/${theme.path}`),
  };
}

async function ThemePage({ params, searchParams }: PageProps<'/theme/[...path]'>) {
  const path = themePath((await params).path);
  const theme = path ? await getTheme(path) : null;
  if (!theme) notFound();
  const query = parseCatalogQuery(await searchParams);
  const list = await listBooks(
    { themeIds: await listThemeSubtreeIds(theme.path) },
    { sort: query.tri, page: query.page, after: query.after },
  );
  const base = `/theme/${theme.path}`;
  allowListingInFrontCache();
  return (
    <>
      <Breadcrumb crumbs={theme.ancestry.map((t) => ({ label: t.name, href: `/theme/${t.path}` }))} />
      <h1>{theme.name}</h1>
      {theme.children.length > 0 && (
        <nav aria-label="Sous-thèmes">
          <ul className="theme-list">
            {theme.children.map((child) => (
              <li key={child.path}>
                <Link href={`/theme/${child.path}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <BookListSection
        list={list}
        label={`Livres : ${theme.name}`}
        hrefFor={(page) => listPageHref(base, query, { page })}
        hrefAfter={(after) => listPageHref(base, query, { after })}
      />
    </>
  );
}

export default whenDatabaseAnswers(ThemePage);

export const generateMetadata = whenDatabaseAnswers(metadata);
