import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { failure, type Failure, type Result } from '@/lib/core/result';
import { logger } from '@/lib/observability/logger';
import {
  challengeOf,
  counterIsPlausible,
  MAX_PASSKEYS_PER_READER,
  PASSKEY_CEREMONY_TIMEOUT_MS,
  PASSKEY_CHALLENGE_LIFETIME_MS,
  passkeyLabel,
  relyingParty,
} from '@/lib/reader-accounts/passkeys';
import type { AuthenticationResponse, RegistrationResponse } from '@/lib/validation/passkeys';
import type { PasskeyCeremony } from '@/lib/generated/prisma/enums';
import { READER_ACCOUNT_LIMITS, Rejection, transact, type Tx } from '@/lib/data/platform/transactions';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { startReaderSession } from './reader-sessions';

// Passkeys for readers (docs/decisions/026-reader-passkeys.md), with @simplewebauthn/server
// (https://simplewebauthn.dev/docs/packages/server). Each ceremony is two requests that any app
// instance may answer: the challenge is kept in PostgreSQL and used once (an atomic UPDATE … WHERE
// "usedAt" IS NULL), then the response is verified against it. Signing in with a passkey opens
// the same session as the e-mail's link (startReaderSession).

const PASSKEY_REFUSED = failure(
  'PASSKEY_REFUSED',
  'Cette clé d’accès n’a pas été reconnue. Réessayez, ou recevez un lien de connexion par courriel.',
);
const CHALLENGE_EXPIRED = failure('PASSKEY_EXPIRED', 'La demande a expiré (5 minutes) ou a déjà servi : recommencez.');

export type PasskeyListItem = {
  id: number;
  label: string;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export async function listReaderPasskeys(readerId: number): Promise<PasskeyListItem[]> {
  return getDb().readerPasskey.findMany({
    where: { readerId },
    orderBy: { id: 'asc' },
    select: { id: true, label: true, backedUp: true, createdAt: true, lastUsedAt: true },
  });
}

async function issueChallenge(
  tx: Tx,
  challenge: string,
  ceremony: PasskeyCeremony,
  readerId: number | null,
  now: Date,
): Promise<void> {
  await tx.passkeyChallenge.create({
    data: {
      challenge,
      ceremony,
      readerId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_LIFETIME_MS),
    },
    select: { id: true },
  });
}

/** The challenge this response signed, marked used; null if unknown, used, expired, or not this ceremony's or reader's. */
async function useChallenge(
  tx: Tx,
  clientDataJSON: string,
  ceremony: PasskeyCeremony,
  readerId: number | null,
  now: Date,
): Promise<string | null> {
  const challenge = challengeOf(clientDataJSON);
  if (challenge === null) return null;
  const used = await tx.$queryRaw<{ challenge: string }[]>`
    UPDATE "PasskeyChallenge" SET "usedAt" = ${now}
    WHERE "challenge" = ${challenge} AND "ceremony" = ${ceremony}::"PasskeyCeremony"
      AND "readerId" IS NOT DISTINCT FROM ${readerId} AND "usedAt" IS NULL AND "expiresAt" > ${now}
    RETURNING "challenge"`;
  return used[0]?.challenge ?? null;
}

/** "Ajouter une clé d'accès": the options the browser's navigator.credentials.create() takes. */
export async function passkeyRegistrationOptions(
  reader: { id: number; email: string },
  now: Date,
): Promise<Result<{ options: PublicKeyCredentialCreationOptionsJSON }>> {
  return transact(async (tx) => {
    const existing = await tx.readerPasskey.findMany({
      where: { readerId: reader.id },
      select: { credentialId: true, transports: true },
    });
    if (existing.length >= MAX_PASSKEYS_PER_READER)
      throw new Rejection(
        failure(
          'TOO_MANY_PASSKEYS',
          `Votre compte a déjà ${MAX_PASSKEYS_PER_READER} clés d’accès : supprimez-en une avant d’en ajouter une autre.`,
        ),
      );
    const { rpID } = relyingParty(getEnv().SITE_URL);
    const shop = await readShopSettings(tx);
    const options = await generateRegistrationOptions({
      rpName: shop.name,
      rpID,
      userName: reader.email,
      // The user handle the passkey stores: the account's number, not the e-mail (WebAuthn §14.6.1).
      userID: new TextEncoder().encode(`lecteur-${reader.id}`),
      timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
      attestationType: 'none',
      // A discoverable credential: signing in needs no e-mail typed first.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      excludeCredentials: existing.map((passkey) => ({
        id: passkey.credentialId,
        transports: passkey.transports as AuthenticatorTransportFuture[],
      })),
    });
    await issueChallenge(tx, options.challenge, 'registration', reader.id, now);
    return { ok: true as const, options };
  }, READER_ACCOUNT_LIMITS);
}

/** The browser's answer to those options: verified, then the passkey is the account's. */
export async function registerPasskey(
  readerId: number,
  response: RegistrationResponse,
  userAgent: string | null,
  now: Date,
): Promise<Result<{ label: string }>> {
  return transact(async (tx) => {
    const challenge = await useChallenge(tx, response.response.clientDataJSON, 'registration', readerId, now);
    if (challenge === null) throw new Rejection(CHALLENGE_EXPIRED);
    const { rpID, origin } = relyingParty(getEnv().SITE_URL);
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
    } catch (error) {
      logger.info({ err: error }, 'passkey registration refused');
      throw new Rejection(PASSKEY_REFUSED);
    }
    if (!verification.verified) throw new Rejection(PASSKEY_REFUSED);
    const { credential, credentialBackedUp } = verification.registrationInfo;
    const label = passkeyLabel(userAgent);
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "ReaderPasskey" ("readerId", "credentialId", "publicKey", "counter", "transports", "backedUp", "label", "createdAt")
      VALUES (${readerId}, ${credential.id}, ${Buffer.from(credential.publicKey)}, ${credential.counter},
              ${credential.transports ?? []}::text[], ${credentialBackedUp}, ${label}, ${now})
      ON CONFLICT ("credentialId") DO NOTHING
      RETURNING "id"`;
    if (!inserted[0])
      throw new Rejection(failure('PASSKEY_TAKEN', 'Cette clé d’accès est déjà enregistrée sur un compte.'));
    return { ok: true as const, label };
  }, READER_ACCOUNT_LIMITS);
}

/** "Se connecter avec une clé d'accès": options for navigator.credentials.get(), for any passkey of this site. */
export async function passkeySignInOptions(
  now: Date,
): Promise<Result<{ options: PublicKeyCredentialRequestOptionsJSON }>> {
  const { rpID } = relyingParty(getEnv().SITE_URL);
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: 'preferred',
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
  });
  return transact(async (tx) => {
    await issueChallenge(tx, options.challenge, 'authentication', null, now);
    return { ok: true as const, options };
  }, READER_ACCOUNT_LIMITS);
}

export type PasskeySignIn = { ok: true; sessionToken: string; readerId: number };

/** The signed answer: the challenge used, the signature checked with the stored key, a session opened. */
export async function signInWithPasskey(response: AuthenticationResponse, now: Date): Promise<PasskeySignIn | Failure> {
  return transact(async (tx) => {
    const challenge = await useChallenge(tx, response.response.clientDataJSON, 'authentication', null, now);
    if (challenge === null) throw new Rejection(CHALLENGE_EXPIRED);
    const rows = await tx.$queryRaw<
      { id: number; readerId: number; publicKey: Uint8Array; counter: bigint; transports: string[] }[]
    >`
      SELECT "id", "readerId", "publicKey", "counter", "transports"
      FROM "ReaderPasskey" WHERE "credentialId" = ${response.id} FOR UPDATE`;
    const passkey = rows[0];
    if (!passkey) throw new Rejection(PASSKEY_REFUSED);
    const { rpID, origin } = relyingParty(getEnv().SITE_URL);
    let verification;
    try {
      verification = await verifyAuthenticationResponse({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
        credential: {
          id: response.id,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: Number(passkey.counter),
          transports: passkey.transports as AuthenticatorTransportFuture[],
        },
      });
    } catch (error) {
      logger.info({ err: error }, 'passkey sign-in refused');
      throw new Rejection(PASSKEY_REFUSED);
    }
    const { newCounter, credentialBackedUp } = verification.authenticationInfo;
    if (!verification.verified || !counterIsPlausible(Number(passkey.counter), newCounter))
      throw new Rejection(PASSKEY_REFUSED);
    await tx.readerPasskey.update({
      where: { id: passkey.id },
      data: { counter: BigInt(newCounter), backedUp: credentialBackedUp, lastUsedAt: now },
      select: { id: true },
    });
    await tx.reader.update({ where: { id: passkey.readerId }, data: { lastSignInAt: now }, select: { id: true } });
    const sessionToken = await startReaderSession(tx, passkey.readerId, now);
    return { ok: true as const, sessionToken, readerId: passkey.readerId };
  }, READER_ACCOUNT_LIMITS);
}

/** "Supprimer" in the list: only the signed-in reader's own passkey (another's id finds nothing). */
export async function deleteReaderPasskey(readerId: number, passkeyId: number): Promise<Result<{ label: string }>> {
  return transact(async (tx) => {
    const deleted = await tx.$queryRaw<{ label: string }[]>`
      DELETE FROM "ReaderPasskey" WHERE "id" = ${passkeyId} AND "readerId" = ${readerId} RETURNING "label"`;
    if (!deleted[0]) throw new Rejection(failure('UNKNOWN_PASSKEY', 'Cette clé d’accès n’existe plus.'));
    return { ok: true as const, label: deleted[0].label };
  }, READER_ACCOUNT_LIMITS);
}
