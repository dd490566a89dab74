import Link from 'next/link';
import { auditActionLabel } from '@/lib/audit/actions';
import type { AuditEntryView } from '@/lib/data/staff/audit';
import { formatDateTime } from '@/lib/core/date-time';

const compact = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The audit log as stored: who, when, what, before and after. */
export function JournalTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="notice">Aucune entrée.</p>;
  return (
    <table className="admin-table journal">
      <caption className="visually-hidden">Journal des actions</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Qui</th>
          <th scope="col">Action</th>
          <th scope="col">Commande</th>
          <th scope="col">Avant</th>
          <th scope="col">Après</th>
          <th scope="col">Adresse IP</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDateTime(entry.at)}</td>
            <td>{entry.staffName ?? '—'}</td>
            <td>{auditActionLabel(entry.action)}</td>
            <td>
              {entry.orderReference ? (
                <Link href={`/admin/commandes/${entry.orderReference}`}>{entry.orderReference}</Link>
              ) : (
                '—'
              )}
            </td>
            <td>
              <code>{compact(entry.before)}</code>
            </td>
            <td>
              <code>{compact(entry.after)}</code>
            </td>
            <td>{entry.ipAddress ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
