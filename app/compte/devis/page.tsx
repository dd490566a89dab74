import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountNav } from '@/components/account/account-nav';
import { QuoteTable } from '@/components/quotes/quote-table';
import { requireReader } from '@/lib/auth/require-reader';
import { listBuyerQuotes } from '@/lib/data/buying/quotes';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Mes devis', robots: { index: false } };

async function QuotesPage() {
  const reader = await requireReader();
  const quotes = await listBuyerQuotes(reader.email);
  return (
    <>
      <h1>Mon compte</h1>
      <AccountNav email={reader.email} />
      <h2>Mes devis</h2>
      <p>
        Les devis des organisations pour lesquelles vous commandez. Un devis se demande depuis{' '}
        <Link href="/panier">votre panier</Link>.
      </p>
      {quotes.length === 0 ? (
        <p>Aucun devis.</p>
      ) : (
        <QuoteTable quotes={quotes} hrefOf={(id) => `/compte/devis/${id}`} now={new Date()} />
      )}
    </>
  );
}

export default whenDatabaseAnswers(QuotesPage);
