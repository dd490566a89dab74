'use client';

import { useRef, type FormEvent, type ReactNode } from 'react';
import { createScanQueue } from './scan-queue';
import { Field } from '@/components/ui/field';

/**
 * The stock desk's scanning form (receiving a delivery, counting a shelf): an EAN field a
 * barcode scanner types into, followed by Enter, and the copies it stands for. Each scan is
 * handed to `onScan` in the order scanned, one after the other (scan-queue.ts), while the field
 * is already empty and focused for the next one; `onIdle` runs when none is left.
 */
export function ScanForm({
  id,
  label,
  submitLabel,
  quantityName,
  quantityMin,
  quantityMax,
  describedBy,
  onScan,
  onIdle,
  children,
}: {
  /** Prefix of the fields' ids. */
  id: string;
  /** Names the form for assistive technologies. */
  label: string;
  submitLabel: string;
  quantityName: string;
  quantityMin: number;
  quantityMax: number;
  /** The live region that says what the last scan did. */
  describedBy?: string;
  onScan: (data: FormData) => Promise<void>;
  /** Read once, with the first scan (router.refresh, say). */
  onIdle?: () => void;
  /** More fields (a choice of action); radio choices survive each scan. */
  children?: ReactNode;
}) {
  const eanField = useRef<HTMLInputElement>(null);
  const queue = useRef<ReturnType<typeof createScanQueue>>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const checked = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')];
    form.reset();
    for (const radio of checked) radio.checked = true;
    eanField.current?.focus();
    queue.current ??= createScanQueue(onIdle);
    void queue.current.push(() => onScan(data));
  }

  return (
    <form className="admin-filters scan-form" onSubmit={submit} aria-label={label}>
      <Field
        id={`${id}-ean`}
        label="EAN (scannez, ou tapez puis Entrée)"
        layout="field-wide"
        name="ean"
        ref={eanField}
        required
        maxLength={64}
        inputMode="numeric"
        autoComplete="off"
        aria-describedby={describedBy}
      />
      <Field
        id={`${id}-quantity`}
        label="Exemplaires"
        layout="field-inline"
        name={quantityName}
        type="number"
        inputMode="numeric"
        min={quantityMin}
        max={quantityMax}
        defaultValue={1}
      />
      {children}
      <button type="submit" className="button-secondary">
        {submitLabel}
      </button>
    </form>
  );
}
