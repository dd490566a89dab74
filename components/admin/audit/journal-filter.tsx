import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '@/lib/audit/actions';
import type { JournalQuery } from '@/lib/validation/audit-query';
import { Field } from '@/components/ui/field';

export function JournalFilter({ query }: { query: JournalQuery }) {
  return (
    <form className="admin-filters" method="get" action="/admin/journal" aria-label="Filtrer le journal">
      <Field control="select" label="Action" name="action" defaultValue={query.action ?? ''}>
        <option value="">Toutes</option>
        {AUDIT_ACTIONS.map((action) => (
          <option key={action} value={action}>
            {AUDIT_ACTION_LABELS[action]}
          </option>
        ))}
      </Field>
      <button type="submit">Filtrer</button>
    </form>
  );
}
