'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { countEntryAction } from './actions';

// Counting a shelf: each scan (EAN + Enter) adds one copy, or the quantity typed beside it;
// "Corriger" replaces the book's count instead. Scans are sent one after the other while the
// field is free for the next one; the table below is refreshed when the queue is empty.

type Entry = { key: number; ok: boolean; message: string };

export function CountScanner({ stockCountId }: { stockCountId: number }) {
  const router = useRouter();
  const [entries, setEntries] = useState<Entry[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef(0);
  const keys = useRef(0);
  const eanField = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    data.set('stockCountId', String(stockCountId));
    const mode = String(data.get('mode'));
    form.reset();
    // After a reset the radio goes back to "add": keep the staff's choice.
    const radio = form.querySelector<HTMLInputElement>(`input[name="mode"][value="${mode}"]`);
    if (radio) radio.checked = true;
    eanField.current?.focus();
    waiting.current += 1;
    queue.current = queue.current.then(async () => {
      const result = await countEntryAction(null, data);
      const entry = { key: (keys.current += 1), ok: Boolean(result?.ok), message: result?.message ?? 'Erreur.' };
      setEntries((current) => [entry, ...current].slice(0, 8));
      waiting.current -= 1;
      if (waiting.current === 0) router.refresh();
    });
  }

  return (
    <>
      <form className="admin-filters scan-form" onSubmit={onSubmit} aria-label="Compter un livre">
        <div className="field field-wide">
          <label htmlFor="count-ean">EAN (scannez, ou tapez puis Entrée)</label>
          <input
            id="count-ean"
            name="ean"
            ref={eanField}
            required
            maxLength={64}
            inputMode="numeric"
            autoComplete="off"
          />
        </div>
        <div className="field field-inline">
          <label htmlFor="count-quantity">Exemplaires</label>
          <input
            id="count-quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={99999}
            defaultValue={1}
          />
        </div>
        <fieldset className="field-radios">
          <legend>Action</legend>
          <label>
            <input type="radio" name="mode" value="add" defaultChecked /> Ajouter au comptage
          </label>
          <label>
            <input type="radio" name="mode" value="set" /> Corriger (remplace le comptage)
          </label>
        </fieldset>
        <button type="submit" className="button-secondary">
          Compter
        </button>
      </form>
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
