'use client';

import { useActionState, useRef, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { keepValuesOnSubmit } from '@/components/ui/keep-values-on-submit';
import { ScanForm } from '../scan/scan-form';
import { lookupBookAction, receiveDeliveryAction } from './actions';
import { Field } from '@/components/ui/field';
import { formatCopies } from '@/lib/core/copies';
import type { AnnouncedBook } from '@/lib/data/stock-desk/despatch-import';
import { DespatchDifferences } from './despatch-differences';

// The receiving screen. A barcode scanner types the EAN then Enter, which adds a copy (or the
// quantity typed beside it) to the book's line: each line shows the book found, or why not (a
// wrong check digit, a book not in the catalog with a link to create it). Lines live in the page
// until "Valider la réception" books them all at once, in one transaction, on the server.

export type SupplierChoice = {
  id: number;
  name: string;
  gln: string | null;
  defaultDiscountBasisPoints: number | null;
};

export type PurchaseOrderPrefill = {
  id: number;
  version: number;
  supplierId: number;
  lines: { ean: string; title: string; missing: number }[];
};

type Terms = 'firm' | 'on_approval';

type Line = {
  key: number;
  ean: string;
  title: string;
  authors: string;
  quantity: number;
  discount: string;
  terms: Terms;
  /** Copies still expected on the purchase order. */
  expected: number | null;
  awaitedByCustomers: number | null;
};

const discountText = (basisPoints: number | null) =>
  basisPoints === null ? '0' : String(basisPoints / 100).replace('.', ',');

/**
 * The lines the screen opens with: the purchase order's missing copies (none received yet), and,
 * when a despatch advice was read, the copies it announces, on the order's lines or after them.
 */
function initialLines(
  purchaseOrder: PurchaseOrderPrefill | null,
  announced: AnnouncedBook[] | null,
  discount: string,
): Line[] {
  const fromFile = new Map((announced ?? []).map((line) => [line.ean, line]));
  const ordered: Line[] = (purchaseOrder?.lines ?? []).map((line) => {
    const sent = fromFile.get(line.ean);
    return {
      key: 0,
      ean: line.ean,
      title: line.title,
      authors: sent?.authors ?? '',
      quantity: sent?.quantity ?? 0,
      discount,
      terms: sent?.terms ?? 'firm',
      expected: line.missing,
      awaitedByCustomers: sent?.awaitedByCustomers ?? null,
    };
  });
  const onOrder = new Set(ordered.map((line) => line.ean));
  const extra: Line[] = (announced ?? [])
    .filter((line) => !onOrder.has(line.ean))
    .map((line) => ({ ...line, key: 0, discount, terms: line.terms ?? 'firm', expected: null }));
  return [...ordered, ...extra].map((line, index) => ({ ...line, key: index + 1 }));
}

export function ReceivingForm({
  suppliers,
  purchaseOrder,
  announced = null,
  supplierId: announcedSupplierId = null,
  noteNumber = null,
}: {
  suppliers: SupplierChoice[];
  purchaseOrder: PurchaseOrderPrefill | null;
  /** The books and copies of a despatch advice read on this screen. */
  announced?: AnnouncedBook[] | null;
  supplierId?: number | null;
  noteNumber?: string | null;
}) {
  const [supplierId, setSupplierId] = useState(String(purchaseOrder?.supplierId ?? announcedSupplierId ?? ''));
  const supplier = suppliers.find((s) => String(s.id) === supplierId) ?? null;
  // Keys of the prefilled lines are 1…n; scanned lines come after them.
  const [lines, setLines] = useState<Line[]>(() =>
    initialLines(purchaseOrder, announced, discountText(supplier?.defaultDiscountBasisPoints ?? null)),
  );
  const nextKey = useRef(lines.length);
  const [scanError, setScanError] = useState<{ message: string; unknownEan: string | null } | null>(null);
  const [scanned, setScanned] = useState('');
  const [state, submit, pending] = useActionState(receiveDeliveryAction, null);

  async function onScan(data: FormData) {
    const ean = String(data.get('ean') ?? '');
    const quantity = Math.min(Math.max(Number(data.get('scanQuantity')) || 1, 1), 9999);
    const lookup = new FormData();
    lookup.set('ean', ean);
    const result = await lookupBookAction(null, lookup);
    if (!result?.ok) {
      setScanError({
        message: result?.message ?? 'Ce code n’a pas pu être lu.',
        unknownEan: result?.code === 'UNKNOWN_BOOK' ? (result.fieldErrors?.ean ?? null) : null,
      });
      setScanned('');
      return;
    }
    const { book } = result;
    setScanError(null);
    setScanned(`« ${book.title} » : ${formatCopies(quantity)} de plus.`);
    setLines((current) => {
      const existing = current.find((line) => line.ean === book.ean);
      if (existing)
        return current.map((line) =>
          line === existing
            ? {
                ...line,
                title: book.title,
                authors: book.authors,
                quantity: Math.min(line.quantity + quantity, 9999),
                awaitedByCustomers: book.awaitedByCustomers,
              }
            : line,
        );
      return [
        ...current,
        {
          key: (nextKey.current += 1),
          ean: book.ean,
          title: book.title,
          authors: book.authors,
          quantity,
          discount: discountText(supplier?.defaultDiscountBasisPoints ?? null),
          terms: 'firm',
          expected: null,
          awaitedByCustomers: book.awaitedByCustomers,
        },
      ];
    });
  }

  const change = (key: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const received = lines.filter((line) => line.quantity > 0);
  const totalCopies = received.reduce((sum, line) => sum + line.quantity, 0);
  const missing = lines.reduce((sum, line) => sum + Math.max((line.expected ?? 0) - line.quantity, 0), 0);

  return (
    <>
      <form
        id="reception"
        action={submit}
        onSubmit={keepValuesOnSubmit(submit)}
        className="admin-form"
        aria-label="Réception"
      >
        {purchaseOrder ? (
          <>
            <input type="hidden" name="supplierId" value={purchaseOrder.supplierId} />
            <input type="hidden" name="purchaseOrderId" value={purchaseOrder.id} />
            <input type="hidden" name="purchaseOrderVersion" value={purchaseOrder.version} />
            <p>
              Distributeur : <strong>{supplier?.name}</strong>
              {supplier?.gln && <span className="muted"> (GLN {supplier.gln})</span>}
            </p>
          </>
        ) : (
          <Field
            control="select"
            label="Distributeur"
            name="supplierId"
            required
            value={supplierId}
            onChange={(event) => setSupplierId(event.target.value)}
          >
            <option value="">Choisissez…</option>
            {suppliers.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
                {option.gln ? ` (GLN ${option.gln})` : ''}
              </option>
            ))}
          </Field>
        )}
        <Field
          label="Numéro du bon de livraison ou de la facture"
          name="noteNumber"
          defaultValue={noteNumber ?? undefined}
          required
          maxLength={40}
          autoComplete="off"
        />
        {received.map((line, index) => (
          <span key={line.key} hidden>
            <input type="hidden" name={`line-${index}-ean`} value={line.ean} />
            <input type="hidden" name={`line-${index}-qty`} value={line.quantity} />
            <input type="hidden" name={`line-${index}-remise`} value={line.discount} />
            <input type="hidden" name={`line-${index}-conditions`} value={line.terms} />
          </span>
        ))}
      </form>

      <ScanForm
        id="scan"
        label="Scanner un livre"
        submitLabel="Ajouter"
        quantityName="scanQuantity"
        quantityMin={1}
        quantityMax={9999}
        describedBy="scan-result"
        onScan={onScan}
      />
      <div id="scan-result" aria-live="polite">
        {scanError ? (
          <p className="form-error">
            {scanError.message}
            {scanError.unknownEan && (
              <>
                {' '}
                <a href={`/admin/catalogue/livres/nouveau?ean=${scanError.unknownEan}`} target="_blank" rel="noopener">
                  Créer ce livre<span className="visually-hidden"> (nouvel onglet)</span>
                </a>
              </>
            )}
          </p>
        ) : (
          scanned && <p className="form-success">{scanned}</p>
        )}
      </div>

      <table className="admin-table">
        <caption>Livres reçus</caption>
        <thead>
          <tr>
            <th scope="col">Livre</th>
            {purchaseOrder && <th scope="col">Attendus</th>}
            <th scope="col">Reçus</th>
            {purchaseOrder && <th scope="col">Manquants</th>}
            <th scope="col">Remise (%)</th>
            <th scope="col">Conditions</th>
            <th scope="col">
              <span className="visually-hidden">Retirer</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={purchaseOrder ? 7 : 5}>Aucun livre scanné.</td>
            </tr>
          )}
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">
                {line.title}
                <br />
                <span className="muted">
                  EAN {line.ean}
                  {line.authors && ` — ${line.authors}`}
                </span>
                {line.awaitedByCustomers ? (
                  <>
                    <br />
                    <span className="badge badge-awaiting_supplier">
                      {formatCopies(line.awaitedByCustomers)} attendu{line.awaitedByCustomers > 1 ? 's' : ''} par des
                      clients
                    </span>
                  </>
                ) : null}
              </th>
              {purchaseOrder && <td>{line.expected ?? '—'}</td>}
              <td>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={9999}
                  value={line.quantity}
                  aria-label={`Exemplaires reçus de « ${line.title} »`}
                  onChange={(event) => change(line.key, { quantity: Math.max(Number(event.target.value) || 0, 0) })}
                  className="input-narrow"
                />
              </td>
              {purchaseOrder && <td>{line.expected === null ? '—' : Math.max(line.expected - line.quantity, 0)}</td>}
              <td>
                <input
                  inputMode="decimal"
                  value={line.discount}
                  maxLength={6}
                  aria-label={`Remise sur le prix public de « ${line.title} », en %`}
                  onChange={(event) => change(line.key, { discount: event.target.value })}
                  className="input-narrow"
                />
              </td>
              <td>
                <select
                  value={line.terms}
                  aria-label={`Conditions de « ${line.title} »`}
                  onChange={(event) => change(line.key, { terms: event.target.value as Terms })}
                >
                  <option value="firm">Ferme</option>
                  <option value="on_approval">Office (retournable)</option>
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                >
                  Retirer<span className="visually-hidden"> « {line.title} »</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {announced && purchaseOrder && <DespatchDifferences purchaseOrderId={purchaseOrder.id} lines={lines} />}
      <p role="status">
        {formatCopies(totalCopies)} sur {received.length} ligne{received.length > 1 ? 's' : ''}
        {purchaseOrder && ` — encore manquants sur la commande : ${formatCopies(missing)}`}.
      </p>
      {state && !state.ok && <FormError message={state.message} />}
      <button type="submit" form="reception" disabled={pending}>
        Valider la réception
      </button>
    </>
  );
}
