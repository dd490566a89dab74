'use client';

import { useState } from 'react';
import type { ReceptionFromDespatch } from '@/lib/data/stock-desk/despatch-import';
import { DespatchImport } from './despatch-import';
import { ReceivingForm, type PurchaseOrderPrefill, type SupplierChoice } from './receiving-form';

// The receiving screen: a despatch advice read here replaces the form's lines (the form starts
// again from the file, keyed by each reading), then staff check and validate as when scanning.

export function ReceivingDesk({
  suppliers,
  purchaseOrder,
}: {
  suppliers: SupplierChoice[];
  purchaseOrder: PurchaseOrderPrefill | null;
}) {
  const [read, setRead] = useState<{ reception: ReceptionFromDespatch; count: number } | null>(null);
  return (
    <>
      <DespatchImport
        purchaseOrderId={purchaseOrder?.id ?? null}
        onRead={(reception) => setRead((current) => ({ reception, count: (current?.count ?? 0) + 1 }))}
      />
      {read?.reception.notices.map((notice) => (
        <p key={notice} className="attention" role="note">
          {notice}
        </p>
      ))}
      {read ? (
        <ReceivingForm
          key={read.count}
          suppliers={suppliers}
          purchaseOrder={read.reception.purchaseOrder}
          announced={read.reception.lines}
          supplierId={read.reception.supplierId}
          noteNumber={read.reception.noteNumber}
        />
      ) : (
        <ReceivingForm suppliers={suppliers} purchaseOrder={purchaseOrder} />
      )}
    </>
  );
}
