import type { AdminOrder } from '@/lib/data/order-desk/order-reads';
import { formatDateTime } from '@/lib/core/date-time';
import { ActionForm } from '../action-form';
import { addCommentAction } from './actions';
import { OrderFields } from './order-hidden-fields';
import { Field } from '@/components/ui/field';

/** Everything that happened to the order, oldest first, and a box for an internal comment. */
export function OrderTimeline({ order }: { order: AdminOrder }) {
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">Historique</h2>
      <ol className="timeline">
        {order.timeline.map((entry, index) => (
          <li key={index}>
            <p>
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> — <strong>{entry.title}</strong>{' '}
              <span className="muted">par {entry.who}</span>
            </p>
            {entry.detail && <p className="timeline-detail">{entry.detail}</p>}
          </li>
        ))}
      </ol>
      <ActionForm
        action={addCommentAction}
        submitLabel="Ajouter le commentaire"
        className="admin-form"
        label="Commentaire interne"
      >
        <OrderFields reference={order.reference} />
        <Field
          control="textarea"
          id="comment"
          label="Commentaire interne"
          name="text"
          rows={3}
          maxLength={2000}
          required
        />
      </ActionForm>
    </section>
  );
}
