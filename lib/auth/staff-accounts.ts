import 'server-only';
import {
  changeStaffRole,
  createStaffAccount,
  getPasswordHash,
  replacePassword,
  setStaffDisabled,
  type Actor,
} from '@/lib/data/staff/staff';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { failure, type Result } from '@/lib/core/result';
import type { CreateStaffInput } from '@/lib/validation/staff';
import { generatePassword, hashPassword, verifyPassword } from './password';

// Staff accounts: what the admin screens and `npm run staff:create` do, password hashing included.

/** Creates an account; with no password given, generates one, returned once to show once. */
export async function createStaffMember(
  actor: Actor | null,
  input: CreateStaffInput,
): Promise<Result<{ staffId: number; generatedPassword: string | null }>> {
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password || (generatedPassword ?? ''));
  const created = await createStaffAccount(actor, {
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash,
  });
  return created.ok ? { ...created, generatedPassword } : created;
}

/** The old password is required; the member's other sessions end (a stolen one included). */
export async function changeOwnPassword(
  actor: Actor & { sessionId: number },
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ endedSessions: number }>> {
  const valid = await verifyPassword(await getPasswordHash(actor.id), input.currentPassword);
  if (!valid) {
    return failure('WRONG_PASSWORD', 'Mot de passe actuel incorrect.', {
      fieldErrors: { currentPassword: 'Mot de passe actuel incorrect.' },
    });
  }
  const { endedSessions } = await replacePassword(actor, await hashPassword(input.newPassword));
  return { ok: true, endedSessions };
}

export function changeRole(actor: Actor, input: { staffId: number; role: StaffRole }) {
  return changeStaffRole(actor, input);
}

export function setDisabled(actor: Actor, input: { staffId: number; disabled: boolean }) {
  return setStaffDisabled(actor, input, new Date());
}
