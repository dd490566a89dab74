import Link from 'next/link';
import { UNCOLLECTED_AFTER_DAYS } from '@/lib/orders/pickup';
import { ACTIVE_STAGES, STAGE_LABELS, type OrderStage } from '@/lib/orders/workflow';
import { adminOrdersHref, parseAdminOrdersQuery, STAGE_SLUGS } from '@/lib/validation/order-desk-query';

type Props = {
  byStage: Partial<Record<OrderStage, number>>;
  attention: number;
  uncollected: number;
  withdrawalsToRefund: number;
  current: OrderStage | null;
};

/** "À préparer (3)": the day's work at a glance, each count a link to its orders. */
export function StageCounts({ byStage, attention, uncollected, withdrawalsToRefund, current }: Props) {
  const base = parseAdminOrdersQuery({});
  return (
    <nav className="stage-counts" aria-label="Commandes par étape">
      <ul>
        {ACTIVE_STAGES.map((stage) => {
          const label = STAGE_LABELS[stage];
          return (
            <li key={stage}>
              <Link
                href={adminOrdersHref(base, { etape: STAGE_SLUGS[stage] })}
                aria-current={current === stage ? 'page' : undefined}
              >
                {label.charAt(0).toUpperCase() + label.slice(1)} <strong>({byStage[stage] ?? 0})</strong>
              </Link>
            </li>
          );
        })}
        <li>
          <Link href={adminOrdersHref(base, { attention: '1' })}>
            À traiter <strong>({attention})</strong>
          </Link>
        </li>
        <li>
          <Link href={adminOrdersHref(base, { retractation: '1' })}>
            Rétractation à traiter <strong>({withdrawalsToRefund})</strong>
          </Link>
        </li>
        <li>
          <Link href={adminOrdersHref(base, { 'non-retirees': '1' })}>
            Non retirées depuis {UNCOLLECTED_AFTER_DAYS} jours <strong>({uncollected})</strong>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
