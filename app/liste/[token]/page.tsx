import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WishListView } from '@/components/account/wish-list-view';
import { getSharedWishList } from '@/lib/data/readers/wish-list';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

// A list shared by its reader: read-only, by its link alone; not indexed, not kept by the front
// cache (the list changes, and "Ne plus partager" must close it at once).
export const metadata: Metadata = { title: 'Une liste de livres', robots: { index: false, follow: false } };

async function SharedWishListPage({ params }: PageProps<'/liste/[token]'>) {
  const entries = await getSharedWishList((await params).token);
  if (!entries) notFound();
  return (
    <>
      <h1>Une liste de livres</h1>
      <p>Une lectrice ou un lecteur de la librairie partage avec vous cette liste.</p>
      {entries.length === 0 ? (
        <p>Cette liste est vide pour l’instant.</p>
      ) : (
        <WishListView entries={entries} label="Livres de la liste" editable={false} />
      )}
    </>
  );
}

export default whenDatabaseAnswers(SharedWishListPage);
