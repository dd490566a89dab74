import { formatDateShort } from '@/lib/core/date';
import { formatPrice } from '@/lib/core/money';
import type { InvoiceBalance } from '@/lib/invoicing/transfers';

/** Total, credit notes, transfers, what remains. */
export function InvoiceBalanceFacts({ balance, dueOn }: { balance: InvoiceBalance; dueOn: Date }) {
  return (
    <dl className="facts">
      <dt>Montant facturé</dt>
      <dd>{formatPrice(balance.totalCents)}</dd>
      <dt>Avoirs</dt>
      <dd>{formatPrice(balance.creditedCents)}</dd>
      <dt>Virements reçus</dt>
      <dd>{formatPrice(balance.paidCents)}</dd>
      <dt>Reste dû</dt>
      <dd>
        <strong>{formatPrice(Math.max(balance.dueCents, 0))}</strong>
        {balance.dueCents < 0 && ` (trop-perçu de ${formatPrice(-balance.dueCents)} à rembourser par virement)`}
      </dd>
      <dt>Échéance</dt>
      <dd>{formatDateShort(dueOn)}</dd>
    </dl>
  );
}
