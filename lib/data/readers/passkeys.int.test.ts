import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSoftAuthenticator } from '@/scripts/test/soft-authenticator';
import { openTestDatabase } from '@/scripts/test/test-database';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { RegistrationResponseSchema, AuthenticationResponseSchema } from '@/lib/validation/passkeys';
import {
  deleteReaderPasskey,
  listReaderPasskeys,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  signInWithPasskey,
} from './passkeys';
import { findSessionReader } from './reader-sessions';

// Passkeys on a real PostgreSQL, answered by an authenticator in Node (real keys and signatures):
// a challenge serves once, within 5 minutes, for its own reader; a sign-in opens that reader's
// session; a cloned key (its counter gone back) is refused; nobody deletes another's passkey.

const db = openTestDatabase();
const SITE = { origin: 'http://localhost:3000', rpID: 'localhost' };
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

async function newReader() {
  const email = `cle.${randomUUID().slice(0, 8)}@exemple.fr`;
  return db.reader.create({ data: { email }, select: { id: true, email: true } });
}

const must = <T extends { ok: boolean }>(result: T) => {
  expect(result).toMatchObject({ ok: true });
  return result as Extract<T, { ok: true }>;
};

/** A reader with a registered passkey, and the authenticator holding it. */
async function readerWithPasskey() {
  const reader = await newReader();
  const authenticator = createSoftAuthenticator(SITE);
  const { options } = must(await passkeyRegistrationOptions(reader, new Date()));
  const answer = RegistrationResponseSchema.parse(authenticator.register(options));
  expect(await registerPasskey(reader.id, answer, UA, new Date())).toEqual({ ok: true, label: 'Chrome sur Linux' });
  return { reader, authenticator };
}

async function signInAnswer(authenticator: ReturnType<typeof createSoftAuthenticator>, forced?: { counter: number }) {
  const { options } = must(await passkeySignInOptions(new Date()));
  return AuthenticationResponseSchema.parse(authenticator.authenticate(options, forced));
}

describe('adding a passkey', () => {
  it('keeps its public key for the reader who asked, once', async () => {
    const reader = await newReader();
    const authenticator = createSoftAuthenticator(SITE);
    const { options } = must(await passkeyRegistrationOptions(reader, new Date()));
    expect(options.rp.id).toBe('localhost');
    expect(options.authenticatorSelection?.residentKey).toBe('required');
    const answer = RegistrationResponseSchema.parse(authenticator.register(options));

    // Another reader cannot use this reader's challenge.
    const intruder = await newReader();
    expect(await registerPasskey(intruder.id, answer, UA, new Date())).toMatchObject({ code: 'PASSKEY_EXPIRED' });

    must(await registerPasskey(reader.id, answer, UA, new Date()));
    expect(await registerPasskey(reader.id, answer, UA, new Date())).toMatchObject({ code: 'PASSKEY_EXPIRED' });
    expect(await listReaderPasskeys(reader.id)).toEqual([
      expect.objectContaining({ label: 'Chrome sur Linux', lastUsedAt: null }),
    ]);
    expect(await listReaderPasskeys(intruder.id)).toEqual([]);
  });

  it('refuses an answer to a challenge more than 5 minutes old', async () => {
    const reader = await newReader();
    const asked = new Date();
    const { options } = must(await passkeyRegistrationOptions(reader, asked));
    const answer = RegistrationResponseSchema.parse(createSoftAuthenticator(SITE).register(options));
    const late = new Date(asked.getTime() + 5 * 60_000 + 1);
    expect(await registerPasskey(reader.id, answer, UA, late)).toMatchObject({ code: 'PASSKEY_EXPIRED' });
  });

  it('refuses an answer made for another site', async () => {
    const reader = await newReader();
    const { options } = must(await passkeyRegistrationOptions(reader, new Date()));
    const phishing = createSoftAuthenticator({ origin: 'https://librairie-faux.example', rpID: 'localhost' });
    const answer = RegistrationResponseSchema.parse(phishing.register(options));
    expect(await registerPasskey(reader.id, answer, UA, new Date())).toMatchObject({ code: 'PASSKEY_REFUSED' });
    expect(await listReaderPasskeys(reader.id)).toEqual([]);
  });
});

describe('signing in with a passkey', () => {
  it('opens a session of its reader', async () => {
    const { reader, authenticator } = await readerWithPasskey();
    const result = must(await signInWithPasskey(await signInAnswer(authenticator), new Date()));
    expect(result.readerId).toBe(reader.id);
    expect(await findSessionReader(hashSessionToken(result.sessionToken), new Date())).toMatchObject({
      id: reader.id,
      email: reader.email,
    });
    expect((await listReaderPasskeys(reader.id))[0]?.lastUsedAt).not.toBeNull();
  });

  it('serves a challenge once, whatever the number of instances answering at the same moment', async () => {
    const { authenticator } = await readerWithPasskey();
    const answer = await signInAnswer(authenticator);
    const results = await Promise.all(Array.from({ length: 8 }, () => signInWithPasskey(answer, new Date())));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual(
      Array(7).fill('PASSKEY_EXPIRED'),
    );
  });

  it('refuses a passkey the shop does not know, a deleted one, and a forged signature', async () => {
    const stranger = createSoftAuthenticator(SITE);
    expect(await signInWithPasskey(await signInAnswer(stranger), new Date())).toMatchObject({
      code: 'PASSKEY_REFUSED',
    });

    const { reader, authenticator } = await readerWithPasskey();
    const forged = await signInAnswer(authenticator);
    forged.response.signature = forged.response.signature.slice(0, -4) + 'AAAA';
    expect(await signInWithPasskey(forged, new Date())).toMatchObject({ code: 'PASSKEY_REFUSED' });

    const [passkey] = await listReaderPasskeys(reader.id);
    must(await deleteReaderPasskey(reader.id, passkey!.id));
    expect(await signInWithPasskey(await signInAnswer(authenticator), new Date())).toMatchObject({
      code: 'PASSKEY_REFUSED',
    });
  });

  it('refuses a counting key whose counter went back (a clone)', async () => {
    const { authenticator } = await readerWithPasskey();
    must(await signInWithPasskey(await signInAnswer(authenticator, { counter: 7 }), new Date()));
    expect(await signInWithPasskey(await signInAnswer(authenticator, { counter: 7 }), new Date())).toMatchObject({
      code: 'PASSKEY_REFUSED',
    });
    must(await signInWithPasskey(await signInAnswer(authenticator, { counter: 8 }), new Date()));
  });
});

describe('deleting a passkey', () => {
  it('only ever deletes the signed-in reader’s own', async () => {
    const { reader } = await readerWithPasskey();
    const other = await newReader();
    const [passkey] = await listReaderPasskeys(reader.id);
    expect(await deleteReaderPasskey(other.id, passkey!.id)).toMatchObject({ code: 'UNKNOWN_PASSKEY' });
    expect(await listReaderPasskeys(reader.id)).toHaveLength(1);
  });
});
