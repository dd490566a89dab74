'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { writeReaderSessionToken } from '@/lib/auth/reader-cookies';
import { requireReader } from '@/lib/auth/require-reader';
import { failure, type Result } from '@/lib/core/result';
import {
  deleteReaderPasskey,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  signInWithPasskey,
} from '@/lib/data/readers/passkeys';
import { consumeLimit } from '@/lib/data/platform/rate-limits';
import { clientAddress } from '@/lib/http/client-address';
import { AuthenticationResponseSchema, PasskeyIdSchema, RegistrationResponseSchema } from '@/lib/validation/passkeys';

// Passkeys (docs/decisions/026-reader-passkeys.md). The two ceremonies run in the browser
// (components/account/passkey-*.tsx, @simplewebauthn/browser); these actions give the options and
// check the answers. Adding or removing a passkey needs the signed-in reader; signing in is public.

const MALFORMED = failure('INVALID_INPUT', 'Réponse de la clé d’accès illisible : réessayez.');

export type PasskeyOutcome = Result<{ message: string }>;

export async function passkeyRegistrationOptionsAction(): Promise<
  Result<{ options: PublicKeyCredentialCreationOptionsJSON }>
> {
  const reader = await requireReader();
  return passkeyRegistrationOptions(reader, new Date());
}

export async function registerPasskeyAction(answer: unknown): Promise<PasskeyOutcome> {
  const reader = await requireReader();
  const parsed = RegistrationResponseSchema.safeParse(answer);
  if (!parsed.success) return MALFORMED;
  const result = await registerPasskey(reader.id, parsed.data, (await headers()).get('user-agent'), new Date());
  if (!result.ok) return result;
  revalidatePath('/compte/cles');
  return { ok: true, message: `Clé d’accès ajoutée (${result.label}) : vous pourrez vous connecter avec elle.` };
}

export async function passkeySignInOptionsAction(): Promise<
  Result<{ options: PublicKeyCredentialRequestOptionsJSON }>
> {
  const limited = await consumeLimit('passkeySignInPerClient', await clientAddress());
  if (limited) return limited;
  return passkeySignInOptions(new Date());
}

/** Signed in: the session cookie, then the account's page. */
export async function signInWithPasskeyAction(answer: unknown): Promise<PasskeyOutcome> {
  const parsed = AuthenticationResponseSchema.safeParse(answer);
  if (!parsed.success) return MALFORMED;
  const result = await signInWithPasskey(parsed.data, new Date());
  if (!result.ok) return result;
  await writeReaderSessionToken(result.sessionToken);
  redirect('/compte');
}

/** "Supprimer" beside a passkey: a plain form, without JavaScript. */
export async function deletePasskeyAction(formData: FormData): Promise<void> {
  const reader = await requireReader();
  const id = PasskeyIdSchema.safeParse({ id: formData instanceof FormData ? formData.get('id') : null });
  const result = id.success ? await deleteReaderPasskey(reader.id, id.data.id) : null;
  redirect(result?.ok ? '/compte/cles?supprimee=1' : '/compte/cles?erreur=1');
}
