import type { Metadata } from 'next';
import Link from 'next/link';
import { OutboxTable } from '@/components/admin/email-outbox/outbox-table';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/require-staff';
import { EMAIL_OUTBOX_PAGE_SIZE, listOutboxEmails } from '@/lib/data/customer-mail/email-outbox';
import { emailOutboxHref, parseEmailOutboxQuery } from '@/lib/validation/email-outbox';

export const metadata: Metadata = { title: 'Courriels' };

const FILTERS = [
  { etat: undefined, label: 'Tous' },
  { etat: 'en-attente', label: 'En attente' },
  { etat: 'envoyes', label: 'Envoyés' },
  { etat: 'en-echec', label: 'En échec' },
] as const;

export default async function EmailOutboxPage({ searchParams }: PageProps<'/admin/emails'>) {
  await requireStaff('libraire', { loginRedirect: '/admin/emails' });
  const query = parseEmailOutboxQuery(await searchParams);
  const { total, emails } = await listOutboxEmails(query);
  return (
    <>
      <h1>Courriels</h1>
      <p>
        Chaque courriel dû à un client, écrit avec le changement qui le cause, puis envoyé par la file de tâches (SMTP,
        ou cette boîte d’envoi quand aucun serveur SMTP n’est configuré). Un courriel en échec après toutes ses
        tentatives peut être renvoyé.
      </p>
      <nav className="stage-counts" aria-label="Courriels par état">
        <ul>
          {FILTERS.map((filter) => (
            <li key={filter.label}>
              <Link
                href={emailOutboxHref({ etat: filter.etat, page: 1 }, 1)}
                aria-current={query.etat === filter.etat ? 'page' : undefined}
              >
                {filter.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="result-count" role="status">
        {total} courriel{total > 1 ? 's' : ''}
      </p>
      <OutboxTable emails={emails} />
      <Pagination
        page={query.page}
        pageCount={Math.max(Math.ceil(total / EMAIL_OUTBOX_PAGE_SIZE), 1)}
        hrefFor={(page) => emailOutboxHref(query, page)}
      />
    </>
  );
}
