import 'server-only';
import { appendAudit } from '@/lib/data/staff/audit';
import { chargeLoginAttempt, recordLoginSuccess } from '@/lib/data/staff/login-throttle';
import { findStaffForLogin, openStaffSession } from '@/lib/data/staff/staff';
import { failure, type Result } from '@/lib/core/result';
import { verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from '@/lib/staff/session-policy';

export type LoginAttempt = {
  /** Lower-case, trimmed. */
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** From a valid device cookie for this e-mail (lib/auth/staff-cookies.ts), else null. */
  deviceId: string | null;
};

// One message for an unknown e-mail, a disabled account and a wrong password: the form does
// not tell who works here.
export const LOGIN_REFUSED = 'Adresse e-mail ou mot de passe incorrect.';

/**
 * Checks a staff login. Counters first: every attempt is counted before anything else, and one
 * over a limit verifies nothing. Then the password, against a dummy hash when no active
 * account has this e-mail, so both cases cost the same: counter writes, one argon2
 * verification, one audit entry. A success opens a new session (a new
 * token, never one the browser already had) and returns its token for the cookie.
 */
export async function logIn(
  attempt: LoginAttempt,
  now: Date,
): Promise<Result<{ sessionToken: string; staffName: string }>> {
  const keys = { email: attempt.email, ip: attempt.ip, deviceId: attempt.deviceId };
  const waitSeconds = await chargeLoginAttempt(keys);
  if (waitSeconds > 0) {
    await appendAudit({
      staffId: null,
      action: 'auth.login_throttled',
      after: { email: attempt.email.slice(0, 254), waitSeconds },
      ip: attempt.ip,
    });
    const minutes = Math.ceil(waitSeconds / 60);
    return failure(
      'TOO_MANY_ATTEMPTS',
      `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    );
  }

  const staff = await findStaffForLogin(attempt.email);
  const valid = await verifyPassword(staff?.passwordHash ?? null, attempt.password);
  if (!staff || !valid) {
    await appendAudit({
      staffId: null,
      action: 'auth.login_failed',
      after: { email: attempt.email.slice(0, 254), knownAccount: staff !== null },
      ip: attempt.ip,
    });
    return failure('INVALID_CREDENTIALS', LOGIN_REFUSED);
  }

  const sessionToken = newSessionToken();
  await openStaffSession(
    staff,
    { tokenHash: hashSessionToken(sessionToken), ip: attempt.ip, userAgent: attempt.userAgent },
    now,
  );
  await recordLoginSuccess(keys);
  return { ok: true, sessionToken, staffName: staff.name };
}
