'use server';

import { redirect } from 'next/navigation';
import { clearReaderSessionToken, readReaderSessionToken, writeReaderSessionToken } from '@/lib/auth/reader-cookies';
import { requireReader } from '@/lib/auth/require-reader';
import { failure, type Failure } from '@/lib/core/result';
import { deleteReaderAddress, updateReaderAddress } from '@/lib/data/readers/reader-addresses';
import { deleteReaderAccount } from '@/lib/data/readers/reader-data';
import { trackReaderOrder } from '@/lib/data/readers/reader-orders';
import { endReaderSession } from '@/lib/data/readers/reader-sessions';
import { requestSignIn, signInWithCode, signInWithLink } from '@/lib/data/readers/sign-in';
import { clientAddress } from '@/lib/http/client-address';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { ORDER_REFERENCE } from '@/lib/validation/order-desk';
import {
  AddressIdSchema,
  SAVED_ADDRESS_FIELDS,
  SavedAddressSchema,
  SignInCodeSchema,
  SignInRequestSchema,
} from '@/lib/validation/reader-accounts';
import { fieldErrors, formFields } from '@/lib/validation/zod-errors';

// The reader's account (/compte). Signing in and out are public; everything else calls
// requireReader first, and names the reader in every read and write (another reader's address
// id or order reference finds nothing).

export type AccountFormState =
  (Failure & { values?: Record<string, string> }) | { ok: true; message: string; email: string } | null;

const INVALID_FORM = failure('INVALID_INPUT', 'Formulaire invalide : rechargez la page.');

/** "Recevoir un lien de connexion": the same sentence for any address. */
export async function requestSignInAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!(formData instanceof FormData)) return INVALID_FORM;
  const values = { email: (formFields(formData).email ?? '').slice(0, 254) };
  const parsed = SignInRequestSchema.safeParse(values);
  if (!parsed.success)
    return {
      ...failure('INVALID_INPUT', 'Vérifiez l’adresse e-mail.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  const result = await requestSignIn(parsed.data, await clientAddress(), new Date());
  return result.ok ? { ok: true, message: result.message, email: parsed.data.email } : { ...result, values };
}

/** "Me connecter" on /compte/connexion/lien: the POST that uses the link (its GET page only shows the button). */
export async function signInWithLinkAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!(formData instanceof FormData)) return INVALID_FORM;
  const result = await signInWithLink(formFields(formData).jeton ?? '', new Date());
  if (!result.ok) return result;
  await writeReaderSessionToken(result.sessionToken);
  redirect('/compte');
}

/** The 6-digit code of the e-mail, with the address it was sent to. */
export async function signInWithCodeAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  if (!(formData instanceof FormData)) return INVALID_FORM;
  const fields = formFields(formData);
  const values = { email: (fields.email ?? '').slice(0, 254), code: (fields.code ?? '').slice(0, 20) };
  const parsed = SignInCodeSchema.safeParse(values);
  if (!parsed.success)
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  const result = await signInWithCode(parsed.data, new Date());
  if (!result.ok) return { ...result, values: { email: values.email, code: '' } };
  await writeReaderSessionToken(result.sessionToken);
  redirect('/compte');
}

/** "Se déconnecter": this browser's session ends, in the database and in the cookie. */
export async function signOutAction(): Promise<void> {
  const token = await readReaderSessionToken();
  if (token) await endReaderSession(hashSessionToken(token));
  await clearReaderSessionToken();
  redirect('/compte/connexion?deconnecte=1');
}

/** "Suivre ma commande": a fresh tracking link for one of the reader's orders, then its page. */
export async function trackOrderAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  const reference = formData instanceof FormData ? String(formData.get('reference') ?? '') : '';
  const result = ORDER_REFERENCE.test(reference)
    ? await trackReaderOrder(reader.email, reference, new Date())
    : failure('UNKNOWN_ORDER', 'Commande inconnue.');
  if (!result.ok) redirect('/compte/commandes?erreur=commande');
  redirect(`/suivi/${result.token}`);
}

export async function updateAddressAction(_state: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const reader = await requireReader();
  if (!(formData instanceof FormData)) return INVALID_FORM;
  const fields = formFields(formData);
  const values = Object.fromEntries(SAVED_ADDRESS_FIELDS.map((name) => [name, (fields[name] ?? '').slice(0, 300)]));
  const id = AddressIdSchema.safeParse(fields.id);
  if (!id.success) redirect('/compte/adresses?erreur=adresse');
  const parsed = SavedAddressSchema.safeParse(values);
  if (!parsed.success)
    return {
      ...failure('INVALID_INPUT', 'Vérifiez les champs signalés.', { fieldErrors: fieldErrors(parsed.error) }),
      values,
    };
  const result = await updateReaderAddress(reader.id, id.data, parsed.data);
  if (!result.ok) {
    if (result.code === 'UNKNOWN_ADDRESS') redirect('/compte/adresses?erreur=adresse');
    return { ...result, values };
  }
  redirect('/compte/adresses?enregistree=1');
}

export async function deleteAddressAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  const id = AddressIdSchema.safeParse(formData instanceof FormData ? formData.get('id') : null);
  const result = id.success ? await deleteReaderAddress(reader.id, id.data) : null;
  redirect(result?.ok ? '/compte/adresses?supprimee=1' : '/compte/adresses?erreur=adresse');
}

/** "Supprimer définitivement mon compte", after the confirmation page: one transaction, then signed out. */
export async function deleteAccountAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  if (!(formData instanceof FormData) || formData.get('confirmation') !== 'oui')
    redirect('/compte/donnees/supprimer?erreur=confirmation');
  const result = await deleteReaderAccount(reader.id, new Date());
  if (!result.ok) redirect('/compte/donnees/supprimer?erreur=indisponible');
  await clearReaderSessionToken();
  redirect('/compte/connexion?compte-supprime=1');
}
