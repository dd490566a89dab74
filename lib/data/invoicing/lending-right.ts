import 'server-only';
import { getDb } from '@/lib/db';
import { VatRowSchema } from '@/lib/invoicing/invoice-document';
import {
  lendingRightRow,
  lendingRightTotals,
  type LendingRightDocument,
  type LendingRightRow,
} from '@/lib/invoicing/lending-right';
import { discountsByEan } from '@/lib/invoicing/priced-lines';

// The year's declaration of the public lending right (lib/invoicing/lending-right.ts): the
// invoices and credit notes of the year issued to the organisations registered as a library open
// to the public (kind `library`, docs/decisions/025-customer-organisations.md), with the
// books' public price read from each order's stored pricing (the price of the day of sale).

const ORDER_SELECT = {
  pricing: true,
  organisation: { select: { kind: true, name: true, siret: true, billingPostalCode: true, billingCity: true } },
  lines: { select: { id: true, ean: true, quantity: true, unitPriceCents: true, vatRateBasisPoints: true } },
} as const;

export async function lendingRightDeclaration(year: number) {
  const documents = await getDb().invoice.findMany({
    where: { year, orders: { some: { order: { organisation: { kind: 'library' } } } } },
    orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
    select: {
      number: true,
      kind: true,
      issuedAt: true,
      totalCents: true,
      vat: true,
      orders: { select: { order: { select: ORDER_SELECT } } },
      refund: { select: { lines: { select: { orderLineId: true, quantity: true } } } },
    },
  });
  const rows: LendingRightRow[] = documents.flatMap((document) => {
    const orders = document.orders.map(({ order }) => order);
    const organisation = orders[0]?.organisation;
    if (!organisation) return [];
    const publisherPrice = new Map(
      orders.flatMap((order) => {
        const discounts = discountsByEan(order.pricing);
        return order.lines.map((line) => [
          line.id,
          {
            publisherPriceCents: discounts.get(line.ean)?.publisherPriceCents ?? line.unitPriceCents,
            vatRateBasisPoints: line.vatRateBasisPoints,
          },
        ]);
      }),
    );
    const copies =
      document.kind === 'credit_note'
        ? (document.refund?.lines ?? []).map((line) => ({ lineId: line.orderLineId, quantity: line.quantity }))
        : orders.flatMap((order) => order.lines.map((line) => ({ lineId: line.id, quantity: line.quantity })));
    const row: LendingRightDocument = {
      number: document.number,
      kind: document.kind,
      issuedAt: document.issuedAt,
      library: {
        name: organisation.name,
        siret: organisation.siret,
        postalCode: organisation.billingPostalCode,
        city: organisation.billingCity,
      },
      totalInclVatCents: document.totalCents,
      totalExclVatCents: VatRowSchema.array()
        .parse(document.vat)
        .reduce((sum, vat) => sum + vat.baseExclVatCents, 0),
      books: copies.flatMap(({ lineId, quantity }) => {
        const price = publisherPrice.get(lineId);
        return price ? [{ quantity, ...price }] : [];
      }),
    };
    return [lendingRightRow(row)];
  });
  return { year, rows, totals: lendingRightTotals(rows) };
}

export type LendingRightDeclaration = Awaited<ReturnType<typeof lendingRightDeclaration>>;
