import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CustomerCard } from '@/components/admin/order-desk/customer-card';
import { OrderActions } from '@/components/admin/order-desk/order-actions';
import { OrderLines } from '@/components/admin/order-desk/order-lines';
import { OrderPayments } from '@/components/admin/order-desk/order-payments';
import { OrderTimeline } from '@/components/admin/order-desk/order-timeline';
import { RefundForm } from '@/components/admin/order-desk/refund-form';
import { requireStaff } from '@/lib/auth/require-staff';
import { getAdminOrder } from '@/lib/data/order-desk/order-reads';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { getInvoiceOnAccountOfOrder } from '@/lib/data/invoicing/transfers';
import { InvoiceTransfers } from '@/components/admin/transfers/invoice-transfers';
import { hasUbl } from '@/lib/invoicing/e-invoice';
import { invoiceTitle } from '@/lib/invoicing/invoice-text';
import { formatDateTime } from '@/lib/core/date-time';
import { formatPrice } from '@/lib/core/money';
import { ON_ACCOUNT_LABELS } from '@/lib/orders/on-account';
import { STAGE_LABELS } from '@/lib/orders/workflow';
import { ORDER_REFERENCE } from '@/lib/validation/order-desk';

export async function generateMetadata({ params }: PageProps<'/admin/commandes/[reference]'>): Promise<Metadata> {
  const { reference } = await params;
  return { title: ORDER_REFERENCE.test(reference) ? `Commande ${reference}` : 'Commande' };
}

export default async function AdminOrderPage({ params }: PageProps<'/admin/commandes/[reference]'>) {
  const { reference } = await params;
  await requireStaff('libraire', { loginRedirect: `/admin/commandes/${encodeURIComponent(reference)}` });
  const order = ORDER_REFERENCE.test(reference) ? await getAdminOrder(reference) : null;
  if (!order) notFound();
  const [invoices, onAccountInvoice] = await Promise.all([
    invoicesOfOrder(order.id),
    order.onAccount ? getInvoiceOnAccountOfOrder(order.id) : null,
  ]);
  return (
    <>
      <p>
        <Link href="/admin/commandes">← Toutes les commandes</Link>
      </p>
      <h1>
        Commande {order.reference} <span className={`badge badge-${order.stage}`}>{STAGE_LABELS[order.stage]}</span>
        {order.onAccount && <span className="badge"> {ON_ACCOUNT_LABELS[order.onAccount]}</span>}
      </h1>
      <p>
        Passée le {formatDateTime(order.createdAt)} — {formatPrice(order.totalCents)} dont livraison{' '}
        {formatPrice(order.shippingCents)}.
      </p>
      <OrderActions order={order} />
      <OrderLines order={order} />
      <div className="admin-columns">
        <CustomerCard order={order} />
        <OrderPayments order={order} />
      </div>
      {invoices.length > 0 && (
        <section aria-labelledby="factures">
          <h2 id="factures">Factures et avoirs</h2>
          <ul>
            {invoices.map((invoice) => (
              <li key={invoice.number}>
                <a href={`/admin/commandes/${order.reference}/facture?numero=${invoice.number}`} download>
                  {invoiceTitle(invoice)}
                </a>{' '}
                — {formatPrice(invoice.totalCents)}, émis le {formatDateTime(invoice.issuedAt)} —{' '}
                <a
                  href={`/admin/commandes/${order.reference}/facture?numero=${invoice.number}&format=factur-x`}
                  aria-label={`${invoiceTitle(invoice)} au format Factur-X`}
                  download
                >
                  Factur-X
                </a>
                {hasUbl(invoice) && (
                  <>
                    ,{' '}
                    <a
                      href={`/admin/commandes/${order.reference}/facture?numero=${invoice.number}&format=ubl`}
                      aria-label={`${invoiceTitle(invoice)} au format UBL`}
                      download
                    >
                      UBL
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {onAccountInvoice && <InvoiceTransfers invoice={onAccountInvoice} />}
      <RefundForm order={order} />
      <OrderTimeline order={order} />
    </>
  );
}
