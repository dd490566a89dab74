import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/tracking/print-button';
import { InvoiceDocument } from '@/components/tracking/invoice';
import { invoicesOfOrder } from '@/lib/data/invoicing/invoices';
import { findOrderIdByTrackingToken } from '@/lib/data/customer-mail/tracking-tokens';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';

export const metadata: Metadata = { title: 'Facture', robots: { index: false, follow: false } };

// The order's invoice and its credit notes, as issued (frozen rows, lib/data/invoicing/invoices.ts),
// printable and each as a PDF. The tracking link is the key, as for the order's page.
async function InvoicePage({ params }: PageProps<'/suivi/[token]/facture'>) {
  const { token } = await params;
  const orderId = await findOrderIdByTrackingToken(token, new Date());
  const documents = orderId === null ? [] : await invoicesOfOrder(orderId);
  if (documents.length === 0) notFound();
  return (
    <>
      <h1>Facture et avoirs</h1>
      {documents.map((invoice) => (
        <InvoiceDocument
          key={invoice.number}
          invoice={invoice}
          pdfUrl={`/suivi/${token}/facture/pdf?numero=${invoice.number}`}
        />
      ))}
      <PrintButton />
    </>
  );
}

export default whenDatabaseAnswers(InvoicePage);
