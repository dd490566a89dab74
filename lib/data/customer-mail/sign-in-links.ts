import 'server-only';
import { getEnv } from '@/lib/env';
import { hashSignInCode, hashSignInToken, newSignInCode, newSignInToken } from '@/lib/reader-accounts/sign-in-secrets';
import type { Tx } from '@/lib/data/platform/transactions';

// The secrets of a sign-in e-mail (/compte/connexion; the link row is written by
// lib/data/readers/sign-in.ts), minted here by the worker that sends it, as tracking links are
// (tracking-tokens.ts): only their hashes are stored, the outbox's payload never holds them.

/**
 * The link's token and code, minted by the worker in the transaction that sends the e-mail; a
 * new sending (a retry, staff's "renvoyer") mints new ones and the old ones stop working.
 */
export async function mintSignInSecrets(tx: Tx, linkId: number): Promise<{ token: string; code: string }> {
  const token = newSignInToken();
  const code = newSignInCode();
  const rows = await tx.$queryRaw<{ email: string }[]>`SELECT "email" FROM "SignInLink" WHERE "id" = ${linkId}`;
  const email = rows[0]?.email;
  if (email === undefined) throw new Error(`No sign-in link ${linkId}`);
  await tx.signInLink.update({
    where: { id: linkId },
    data: { tokenHash: hashSignInToken(token), codeHash: hashSignInCode(getEnv().COOKIE_SECRET[0]!, email, code) },
    select: { id: true },
  });
  return { token, code };
}
