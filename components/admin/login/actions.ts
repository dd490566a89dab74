'use server';

import { redirect } from 'next/navigation';
import { logIn } from '@/lib/auth/login';
import { requestContext } from '@/lib/auth/request-context';
import { safeNextPath } from '@/lib/auth/require-staff';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { readDeviceId, readSessionToken, writeDeviceCookie, writeSessionToken } from '@/lib/auth/staff-cookies';
import { dropSessionByTokenHash } from '@/lib/data/staff/staff';
import { formFields, invalidInput } from '@/lib/validation/zod-errors';
import { LoginSchema } from '@/lib/validation/staff';
import { NOT_A_FORM, type ActionState } from '../action-state';

// The one public action of the back office: it opens a session (lib/auth/login.ts).
export type LoginState = (Exclude<ActionState, { ok: true }> & { email?: string }) | null;

export async function loginAction(_state: LoginState, formData: FormData): Promise<LoginState> {
  if (!(formData instanceof FormData)) return NOT_A_FORM;
  const fields = formFields(formData);
  const parsed = LoginSchema.safeParse(fields);
  if (!parsed.success) return { ...invalidInput(parsed.error), email: fields.email?.slice(0, 254) };
  const { email, password, suite } = parsed.data;
  const context = await requestContext();
  const result = await logIn(
    { email, password, ip: context.ip, userAgent: context.userAgent, deviceId: await readDeviceId(email) },
    new Date(),
  );
  if (!result.ok) return { ...result, email };

  // A new session id at every login: whatever token the browser had is dropped (session fixation).
  const previous = await readSessionToken();
  if (previous) await dropSessionByTokenHash(hashSessionToken(previous));
  await writeSessionToken(result.sessionToken);
  if (!(await readDeviceId(email))) await writeDeviceCookie(email);
  redirect(safeNextPath(suite));
}
