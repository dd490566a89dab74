import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PickList } from '@/components/picks/pick-list';
import { Pagination } from '@/components/ui/pagination';
import { listPicksPage } from '@/lib/data/storefront/book-picks';
import { allowListingInFrontCache } from '@/lib/front-cache/response-tags';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { PicksQuerySchema } from '@/lib/validation/book-picks';
import { firstValues } from '@/lib/validation/search-params';

const hrefFor = (page: number) => (page === 1 ? '/coups-de-coeur' : `/coups-de-coeur?page=${page}`);

async function metadata({ searchParams }: PageProps<'/coups-de-coeur'>): Promise<Metadata> {
  const { page } = PicksQuerySchema.parse(firstValues(await searchParams));
  return {
    title: page === 1 ? 'Coups de cœur des libraires' : `Coups de cœur des libraires — page ${page}`,
    description: 'Les livres que nos libraires recommandent, avec leur mot sur chacun.',
    alternates: { canonical: hrefFor(page) },
  };
}

async function PicksPage({ searchParams }: PageProps<'/coups-de-coeur'>) {
  const { page } = PicksQuerySchema.parse(firstValues(await searchParams));
  const { picks, total, pageCount } = await listPicksPage(page);
  if (page > pageCount) notFound();
  allowListingInFrontCache();
  return (
    <>
      <h1>Coups de cœur des libraires</h1>
      <p>Les livres que nous avons lus et aimés, avec le mot de la libraire ou du libraire qui les recommande.</p>
      <p className="result-count" role="status">
        {total === 0
          ? 'Pas encore de coup de cœur : revenez bientôt.'
          : `${total.toLocaleString('fr-FR')} coup${total > 1 ? 's' : ''} de cœur — page ${page} sur ${pageCount}`}
      </p>
      {picks.length > 0 && <PickList picks={picks} label="Coups de cœur des libraires" />}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}

export default whenDatabaseAnswers(PicksPage);

export const generateMetadata = whenDatabaseAnswers(metadata);
