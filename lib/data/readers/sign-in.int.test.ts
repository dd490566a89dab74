import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPaidOrder } from '@/scripts/test/order-desk-fixtures';
import { openTestDatabase } from '@/scripts/test/test-database';
import { deliverEmail } from '@/lib/data/customer-mail/email-delivery';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { SIGN_IN_REQUEST_ANSWER } from '@/lib/validation/reader-accounts';
import { requestSignIn, signInWithCode, signInWithLink } from './sign-in';
import { findSessionReader } from './reader-sessions';

// Signing in without a password, on a real PostgreSQL: the request's work is the same for every
// address; the link and the code, minted when the worker sends the e-mail, are used once, for 15
// minutes; past 5 wrong codes an address is refused, its right code and its links too.

const db = openTestDatabase();
const MINUTE = 60_000;

const newAddress = (tag: string) => `lecteur.${tag}.${randomUUID().slice(0, 8)}@exemple.fr`;

/** Asks a sign-in for `email` from a client of its own, delivers its e-mail (outbox), and reads its link and code. */
async function askAndRead(email: string, now = new Date()) {
  const asked = await requestSignIn({ email }, `client-${randomUUID()}`, now);
  expect(asked).toEqual({ ok: true, message: SIGN_IN_REQUEST_ANSWER });
  const message = await db.emailMessage.findFirstOrThrow({
    where: { toAddress: email, kind: 'sign_in_link' },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  expect(await deliverEmail(message.id, { final: false })).toBe('sent');
  const { text } = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id }, select: { text: true } });
  const token = /\/compte\/connexion\/lien\?jeton=([A-Za-z0-9_-]{43})/.exec(text ?? '')?.[1];
  const code = /code de connexion : (\d{6})/.exec(text ?? '')?.[1];
  if (!token || !code) throw new Error(`No link or code in: ${text}`);
  return { token, code };
}

/** Rows of what a sign-in request may touch. */
async function footprint() {
  const [row] = await db.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM "Reader") AS "readers",
           (SELECT count(*)::int FROM "ReaderSession") AS "sessions",
           (SELECT count(*)::int FROM "ReaderAddress") AS "addresses",
           (SELECT count(*)::int FROM "SignInLink") AS "links",
           (SELECT count(*)::int FROM "EmailMessage") AS "emails",
           (SELECT count(*)::int FROM pgboss.job WHERE name = 'email-delivery') AS "jobs"`;
  return row!;
}

const minus = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - before[key]!]));

describe('a sign-in request', () => {
  it('does the same work for an address with an account and one without: a link row, its e-mail and job, no account', async () => {
    const known = newAddress('connu');
    const { token } = await askAndRead(known);
    expect((await signInWithLink(token, new Date())).ok).toBe(true);
    const unknown = newAddress('inconnu');

    const before = await footprint();
    const forKnown = await requestSignIn({ email: known }, `client-${randomUUID()}`, new Date());
    const middle = await footprint();
    const forUnknown = await requestSignIn({ email: unknown }, `client-${randomUUID()}`, new Date());
    const after = await footprint();

    expect(forKnown).toEqual(forUnknown);
    expect(minus(middle, before)).toEqual(minus(after, middle));
    expect(minus(after, middle)).toEqual({ readers: 0, sessions: 0, addresses: 0, links: 1, emails: 1, jobs: 1 });
    // Nothing secret in the outbox's payload: the link and the code are minted when it is sent.
    const owed = await db.emailMessage.findFirstOrThrow({ where: { toAddress: unknown }, select: { payload: true } });
    expect(Object.keys(owed.payload as object).sort()).toEqual(['kind', 'requestedAt', 'shop']);
    expect(await db.reader.count({ where: { email: unknown } })).toBe(0);
  });
});

describe('a sign-in link', () => {
  it('used twice at once: exactly one opens a session, then it is refused', async () => {
    const email = newAddress('double');
    const { token } = await askAndRead(email);
    const now = new Date();
    const results = await Promise.all([signInWithLink(token, now), signInWithLink(token, now)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'INVALID_SIGN_IN_LINK' });
    expect(await db.reader.count({ where: { email } })).toBe(1);
    expect(await db.readerSession.count({ where: { reader: { email } } })).toBe(1);
    expect(await signInWithLink(token, new Date())).toMatchObject({ ok: false, code: 'INVALID_SIGN_IN_LINK' });
  });

  it('expires 15 minutes after it was asked for; its code too', async () => {
    const asked = new Date();
    const late = await askAndRead(newAddress('tard'), asked);
    expect(await signInWithLink(late.token, new Date(asked.getTime() + 15 * MINUTE + 1000))).toMatchObject({
      ok: false,
      code: 'INVALID_SIGN_IN_LINK',
    });
    const lateCodeEmail = newAddress('code-tard');
    const lateCode = await askAndRead(lateCodeEmail, asked);
    expect(
      await signInWithCode({ email: lateCodeEmail, code: lateCode.code }, new Date(asked.getTime() + 16 * MINUTE)),
    ).toMatchObject({ ok: false, code: 'WRONG_SIGN_IN_CODE' });
    const inTime = await askAndRead(newAddress('a-temps'), asked);
    const signedIn = await signInWithLink(inTime.token, new Date(asked.getTime() + 14 * MINUTE));
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    const reader = await findSessionReader(hashSessionToken(signedIn.sessionToken), new Date());
    expect(reader?.id).toBe(signedIn.readerId);
  });

  it('refuses a malformed or unknown token the same way', async () => {
    expect(await signInWithLink('pas-un-jeton', new Date())).toMatchObject({ code: 'INVALID_SIGN_IN_LINK' });
    expect(await signInWithLink('A'.repeat(43), new Date())).toMatchObject({ code: 'INVALID_SIGN_IN_LINK' });
  });
});

describe('a sign-in code', () => {
  it('opens a session once, and only for its own address', async () => {
    const email = newAddress('code');
    const other = newAddress('autre');
    const { code } = await askAndRead(email);
    expect(await signInWithCode({ email: other, code }, new Date())).toMatchObject({ code: 'WRONG_SIGN_IN_CODE' });
    expect((await signInWithCode({ email, code }, new Date())).ok).toBe(true);
    expect(await signInWithCode({ email, code }, new Date())).toMatchObject({ code: 'WRONG_SIGN_IN_CODE' });
  });

  it('after 5 wrong codes in an hour, the address is refused: its right code and its link too; another address is not', async () => {
    const email = newAddress('essais');
    const { token, code } = await askAndRead(email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const tries = [];
    for (let i = 0; i < 5; i += 1) tries.push(await signInWithCode({ email, code: wrong }, new Date()));
    expect(tries.map((t) => t.ok || t.code)).toEqual(Array(5).fill('WRONG_SIGN_IN_CODE'));
    const locked = await signInWithCode({ email, code }, new Date());
    expect(locked).toMatchObject({ ok: false, code: 'SIGN_IN_LOCKED' });
    expect(!locked.ok && locked.message).toContain('Trop de codes erronés pour cette adresse');
    expect(await signInWithLink(token, new Date())).toMatchObject({ ok: false, code: 'SIGN_IN_LOCKED' });
    expect(await db.reader.count({ where: { email } })).toBe(0);

    const neighbour = newAddress('voisin');
    const theirs = await askAndRead(neighbour);
    expect((await signInWithCode({ email: neighbour, code: theirs.code }, new Date())).ok).toBe(true);
  });

  it('20 concurrent guesses for one address: at most 5 are checked', async () => {
    const email = newAddress('rafale');
    await askAndRead(email);
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithCode({ email, code: String(i).padStart(6, '0') }, new Date())),
    );
    const checked = guesses.filter((guess) => !guess.ok && guess.code !== 'SIGN_IN_LOCKED');
    expect(checked.length).toBeLessThanOrEqual(5);
  });
});

describe('the account, created at the first sign-in', () => {
  it('imports the distinct delivery addresses of the paid orders of its e-mail, whatever their case', async () => {
    const email = newAddress('import');
    for (const street of ['12 rue Soufflot', '12  Rue soufflot ', '3 place du Panthéon']) {
      const { order } = await createPaidOrder(db, { onHand: 1, withSupplier: false });
      await db.order.update({ where: { id: order.id }, data: { email: email.toUpperCase(), addressLine1: street } });
    }
    const { token } = await askAndRead(email);
    const signedIn = await signInWithLink(token, new Date());
    expect(signedIn).toMatchObject({ ok: true, created: true });
    const addresses = await db.readerAddress.findMany({
      where: { reader: { email } },
      orderBy: { addressLine1: 'asc' },
      select: { addressLine1: true },
    });
    expect(addresses.map((a) => a.addressLine1)).toHaveLength(2);
    // A second sign-in finds the account, imports nothing again.
    const again = await askAndRead(email);
    expect(await signInWithCode({ email, code: again.code }, new Date())).toMatchObject({ ok: true, created: false });
    expect(await db.readerAddress.count({ where: { reader: { email } } })).toBe(2);
  });
});
