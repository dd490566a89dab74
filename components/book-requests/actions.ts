'use server';

import { submitBookRequest } from '@/lib/data/stock-desk/book-requests';
import { clientAddress } from '@/lib/http/client-address';
import { failure, type Failure } from '@/lib/core/result';
import { BOOK_REQUEST_FIELDS, BookRequestSchema } from '@/lib/validation/book-requests';
import { fieldErrors, formFields } from '@/lib/validation/zod-errors';

// "Commander un livre absent du catalogue": public, no account (loi n° 81-766, art. 1).

export type BookRequestState =
  (Failure & { values?: Record<string, string>; catalogEan?: string }) | { ok: true; message: string } | null;

export async function submitBookRequestAction(_state: BookRequestState, formData: FormData): Promise<BookRequestState> {
  if (!(formData instanceof FormData)) return failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');
  const fields = formFields(formData);
  const values = Object.fromEntries(BOOK_REQUEST_FIELDS.map((name) => [name, (fields[name] ?? '').slice(0, 600)]));
  const parsed = BookRequestSchema.safeParse({ ...values, submission: fields.submission });
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const result = await submitBookRequest(parsed.data, await clientAddress());
  if (result.ok) return { ok: true, message: result.message };
  return {
    ...result,
    values,
    ...(result.code === 'IN_CATALOG' && parsed.data.isbn ? { catalogEan: parsed.data.isbn } : {}),
  };
}
