'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireReader } from '@/lib/auth/require-reader';
import { readCartId } from '@/lib/cart/cart-cookie';
import { acceptQuote } from '@/lib/data/buying/quote-acceptance';
import { requestQuote } from '@/lib/data/buying/quotes';
import { consumeLimit, emailLimitKey } from '@/lib/data/platform/rate-limits';
import { clientKey } from '@/lib/http/client-address';
import { failure, type Failure } from '@/lib/core/result';
import {
  QUOTE_ACCEPTANCE_FIELDS,
  QUOTE_REQUEST_FIELDS,
  QuoteAcceptanceSchema,
  QuoteRequestSchema,
} from '@/lib/validation/quotes';
import { fieldErrors } from '@/lib/validation/zod-errors';

// Quotes for the buyers of customer organisations (docs/decisions/030-quotes.md): « Demander un
// devis » from the cart, and its acceptance from /compte/devis/<id>. Who may do either is checked
// against the reader's e-mail in the data layer's transaction, whatever ids were posted.

export type QuoteFormState = (Failure & { values?: Record<string, string> }) | null;

const INVALID = failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page et réessayez.');

function valuesOf(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? '').slice(0, 300)]));
}

export async function requestQuoteAction(_state: QuoteFormState, formData: FormData): Promise<QuoteFormState> {
  if (!(formData instanceof FormData)) return INVALID;
  const values = valuesOf(formData, QUOTE_REQUEST_FIELDS);
  const reader = await requireReader();
  const cartId = await readCartId();
  if (!cartId) return { ...failure('EMPTY_CART', 'Votre panier est vide.'), values };
  const parsed = QuoteRequestSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const limited = await consumeLimit('quoteRequestPerBuyer', emailLimitKey('quote', reader.email));
  if (limited) return { ...limited, values };
  const made = await requestQuote(reader, cartId, parsed.data, new Date());
  if (!made.ok) return { ...made, values };
  revalidatePath('/compte/devis');
  redirect(`/compte/devis/${made.quoteId}?nouveau=1`);
}

export async function acceptQuoteAction(_state: QuoteFormState, formData: FormData): Promise<QuoteFormState> {
  if (!(formData instanceof FormData)) return INVALID;
  const values = valuesOf(formData, QUOTE_ACCEPTANCE_FIELDS);
  const reader = await requireReader();
  const parsed = QuoteAcceptanceSchema.safeParse(values);
  if (!parsed.success) {
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  }
  const accepted = await acceptQuote(
    { kind: 'buyer', email: reader.email },
    parsed.data,
    new Date(),
    await clientKey(),
  );
  if (!accepted.ok) return { ...accepted, values };
  revalidatePath('/compte/devis');
  revalidatePath('/compte/commandes');
  redirect(`/compte/devis/${parsed.data.quoteId}?acceptee=1`);
}
