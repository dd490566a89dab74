'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { ScanForm } from '../scan/scan-form';
import { countEntryAction } from './actions';

// Counting a shelf: each scan (EAN + Enter) adds one copy, or the quantity typed beside it;
// "Corriger" replaces the book's count instead. Scans are sent one after the other while the
// field is free for the next one (ScanForm); the table below is refreshed when none is left.

type Entry = { key: number; ok: boolean; message: string };

export function CountScanner({ inventoryId }: { inventoryId: number }) {
  const router = useRouter();
  const [entries, setEntries] = useState<Entry[]>([]);
  const keys = useRef(0);

  async function count(data: FormData) {
    data.set('inventoryId', String(inventoryId));
    const result = await countEntryAction(null, data);
    const entry = { key: (keys.current += 1), ok: Boolean(result?.ok), message: result?.message ?? 'Erreur.' };
    setEntries((current) => [entry, ...current].slice(0, 8));
  }

  return (
    <>
      <ScanForm
        id="count"
        label="Compter un livre"
        submitLabel="Compter"
        quantityName="quantity"
        quantityMin={0}
        quantityMax={99999}
        onScan={count}
        onIdle={() => router.refresh()}
      >
        <fieldset className="field-radios">
          <legend>Action</legend>
          <label>
            <input type="radio" name="mode" value="add" defaultChecked /> Ajouter au comptage
          </label>
          <label>
            <input type="radio" name="mode" value="set" /> Corriger (remplace le comptage)
          </label>
        </fieldset>
      </ScanForm>
      <ul className="plain-list scan-log" aria-live="polite" aria-label="Derniers comptages">
        {entries.map((entry) => (
          <li key={entry.key} className={entry.ok ? 'form-success' : 'form-error'}>
            {entry.message}
          </li>
        ))}
      </ul>
    </>
  );
}
