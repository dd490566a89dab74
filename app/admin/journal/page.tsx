import type { Metadata } from 'next';
import { JournalFilter } from '@/components/admin/audit/journal-filter';
import { JournalTable } from '@/components/admin/audit/journal-table';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { JOURNAL_PAGE_SIZE, listAuditEntries } from '@/lib/data/staff/audit';
import { journalHref, parseJournalQuery } from '@/lib/validation/audit-query';

export const metadata: Metadata = { title: 'Journal' };

export default async function JournalPage({ searchParams }: PageProps<'/admin/journal'>) {
  await requireStaff('admin', { loginRedirect: '/admin/journal' });
  const query = parseJournalQuery(await searchParams);
  const { total, entries } = await listAuditEntries(query);
  return (
    <>
      <h1>Journal</h1>
      <p>Chaque action de l’équipe qui change des données, et les échecs de connexion. Rien ne s’y efface.</p>
      <JournalFilter query={query} />
      <p className="result-count" role="status">
        {total} entrée{total > 1 ? 's' : ''}
      </p>
      <JournalTable entries={entries} />
      <Pagination
        page={query.page}
        pageCount={Math.max(Math.ceil(total / JOURNAL_PAGE_SIZE), 1)}
        hrefFor={(page) => journalHref(query, page)}
      />
    </>
  );
}
