import 'server-only';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { failure, type Failure, type Result } from '@/lib/core/result';
import type { StoredEmailPayload } from '@/lib/email/payload';
import { QUEUE_NAMES } from '@/lib/jobs/queues';
import {
  hashSignInCode,
  hashSignInToken,
  isSignInTokenShape,
  signInLinkExpiry,
} from '@/lib/reader-accounts/sign-in-secrets';
import { shopIdentityOf } from '@/lib/shop/shop-identity';
import { SIGN_IN_REQUEST_ANSWER, type SignInCode, type SignInRequest } from '@/lib/validation/reader-accounts';
import { sendJob } from '@/lib/data/platform/job-queue';
import { consumeLimit, emailLimitKey, limitUsedUp, refundLimit } from '@/lib/data/platform/rate-limits';
import { READER_ACCOUNT_LIMITS, Rejection, transact, type Tx } from '@/lib/data/platform/transactions';
import { readShopSettings } from '@/lib/data/staff/shop-settings';
import { importOrderAddresses } from './reader-addresses';
import { startReaderSession } from './reader-sessions';

// Signing in without a password (/compte/connexion; docs/decisions/021-reader-accounts.md):
// 1. the request writes a SignInLink and its outbox e-mail, whatever the address: nobody is
//    looked up, so the answer and the work are the same for a reader, a stranger and a typo;
// 2. the worker, sending the e-mail, mints the link's token and the code (only their hashes
//    stored, as for tracking links: the outbox's payload never holds them);
// 3. the link (POST from /compte/connexion/lien) or the code (/compte/connexion/code) is used
//    once, by an atomic UPDATE … WHERE "usedAt" IS NULL AND "expiresAt" > now: of two requests
//    with the same link, one wins; the account is created then, at the first sign-in.

const LINK_REFUSED = failure(
  'INVALID_SIGN_IN_LINK',
  'Ce lien de connexion n’est plus valable : il sert une seule fois, pendant 15 minutes. Demandez-en un nouveau.',
);
const CODE_REFUSED = failure(
  'WRONG_SIGN_IN_CODE',
  'Ce code ne correspond pas, ou n’est plus valable (15 minutes, une seule fois). Vérifiez-le, ou demandez un nouveau courriel.',
);
const LOCKED = failure(
  'SIGN_IN_LOCKED',
  'Trop de codes erronés pour cette adresse : par sécurité, ses codes et liens de connexion sont refusés pendant une heure. Réessayez plus tard.',
);

const codeTriesKey = (email: string) => emailLimitKey('connexion-code', email);

/** The request's whole work, identical whatever the address: two counters, one link row, one e-mail and its job. */
export async function requestSignIn(
  input: SignInRequest,
  clientAddress: string,
  now: Date,
): Promise<Result<{ message: string }>> {
  const limited =
    (await consumeLimit('signInPerClient', clientAddress)) ??
    (await consumeLimit('signInPerEmail', emailLimitKey('connexion', input.email)));
  if (limited) return limited;
  const result = await transact(async (tx) => {
    await oweSignInEmail(tx, input.email, now);
    return { ok: true as const, message: SIGN_IN_REQUEST_ANSWER };
  }, READER_ACCOUNT_LIMITS);
  return result;
}

/** The link row and its e-mail (kind sign_in_link, version 0), in the caller's transaction. */
export async function oweSignInEmail(tx: Tx, email: string, now: Date): Promise<{ linkId: number; emailId: number }> {
  const link = await tx.signInLink.create({
    data: { email, expiresAt: signInLinkExpiry(now), createdAt: now },
    select: { id: true },
  });
  const stored: StoredEmailPayload = {
    kind: 'sign_in_link',
    requestedAt: now.toISOString(),
    shop: shopIdentityOf(await readShopSettings(tx)),
  };
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "EmailMessage" ("kind", "signInLinkId", "version", "toAddress", "payload", "updatedAt")
    VALUES ('sign_in_link'::"EmailKind", ${link.id}, 0, ${email}, ${JSON.stringify(stored)}::jsonb, now())
    RETURNING "id"`;
  const emailId = inserted[0]!.id;
  await sendJob(QUEUE_NAMES.email, { emailId }, tx);
  return { linkId: link.id, emailId };
}

export type SignedIn = { ok: true; sessionToken: string; readerId: number; created: boolean };

/** "Me connecter" from the e-mail's link: refused if malformed, used, expired, or its address is locked. */
export async function signInWithLink(token: string, now: Date): Promise<SignedIn | Failure> {
  if (!isSignInTokenShape(token)) return LINK_REFUSED;
  const tokenHash = hashSignInToken(token);
  const link = await findLinkEmail(tokenHash);
  if (link === null) return LINK_REFUSED;
  if (await limitUsedUp('signInCodeTries', codeTriesKey(link))) return LOCKED;
  return transact(async (tx) => {
    const used = await tx.$queryRaw<{ email: string }[]>`
      UPDATE "SignInLink" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "email"`;
    if (!used[0]) throw new Rejection(LINK_REFUSED);
    return signIn(tx, used[0].email, now);
  }, READER_ACCOUNT_LIMITS);
}

async function findLinkEmail(tokenHash: string): Promise<string | null> {
  const link = await getDb().signInLink.findUnique({ where: { tokenHash }, select: { email: true } });
  return link?.email ?? null;
}

/**
 * The 6-digit code with its address. Each try is counted before the check (concurrent guesses
 * cannot pass the limit together) and given back when right: past 5 wrong ones in an hour, even
 * the right code is refused.
 */
export async function signInWithCode(input: SignInCode, now: Date): Promise<SignedIn | Failure> {
  const key = codeTriesKey(input.email);
  const limited = await consumeLimit('signInCodeTries', key);
  if (limited) return limited.code === 'RATE_LIMITED' ? LOCKED : limited;
  const hashes = getEnv().COOKIE_SECRET.map((secret) => hashSignInCode(secret, input.email, input.code));
  const result = await transact(async (tx) => {
    const used = await tx.$queryRaw<{ id: number }[]>`
      UPDATE "SignInLink" SET "usedAt" = ${now}
      WHERE "email" = ${input.email} AND "codeHash" = ANY(${hashes}) AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING "id"`;
    if (!used[0]) throw new Rejection(CODE_REFUSED);
    return signIn(tx, input.email, now);
  }, READER_ACCOUNT_LIMITS);
  if (result.ok) await refundLimit('signInCodeTries', key);
  return result;
}

/** The account of this address (created at its first sign-in, with its orders' addresses) and a new session. */
async function signIn(tx: Tx, email: string, now: Date): Promise<SignedIn> {
  const rows = await tx.$queryRaw<{ id: number; created: boolean }[]>`
    INSERT INTO "Reader" ("email", "createdAt", "lastSignInAt", "updatedAt") VALUES (${email}, ${now}, ${now}, now())
    ON CONFLICT ("email") DO UPDATE SET "lastSignInAt" = EXCLUDED."lastSignInAt", "updatedAt" = now()
    RETURNING "id", (xmax = 0) AS "created"`;
  const reader = rows[0]!;
  if (reader.created) await importOrderAddresses(tx, reader.id, email);
  const sessionToken = await startReaderSession(tx, reader.id, now);
  return { ok: true, sessionToken, readerId: reader.id, created: reader.created };
}
