import 'server-only';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { findSessionStaff, touchSession, type SessionStaff } from '@/lib/data/staff/staff-sessions';
import type { StaffRole } from '@/lib/generated/prisma/enums';
import { hasRole } from '@/lib/staff/roles';
import { hashSessionToken } from '@/lib/staff/session-policy';
import { readSessionToken } from './staff-cookies';

export type StaffUser = SessionStaff;

/** The logged-in member of staff, or null. Read once per request. */
export const getCurrentStaff = cache(async (): Promise<StaffUser | null> => {
  const token = await readSessionToken();
  return token ? findSessionStaff(hashSessionToken(token), new Date()) : null;
});

/**
 * The one gate of the back office. Every admin page, Server Action and route handler calls it
 * first, itself: a layout's check does not protect an action, which is a public POST endpoint.
 *
 * - nobody logged in: a page (given `loginRedirect`, its own path) redirects to the login form;
 *   an action or a route answers 401 (`unauthorized()`);
 * - logged in without the role: 403 (`forbidden()`), for pages too;
 * - allowed: the session's idle timer restarts (only now: a refused request writes nothing).
 */
export async function requireStaff(role: StaffRole, options: { loginRedirect?: string } = {}): Promise<StaffUser> {
  const staff = await getCurrentStaff();
  if (!staff) {
    if (options.loginRedirect !== undefined) redirect(loginUrl(options.loginRedirect));
    unauthorized();
  }
  if (!hasRole(staff.role, role)) forbidden();
  await touchSession(staff, new Date());
  return staff;
}

/** Only back-office paths come back after login: never an open redirect. */
export function safeNextPath(path: string | undefined | null): string {
  return path &&
    /^\/admin(\/[A-Za-z0-9\-_/]*)?(\?[A-Za-z0-9\-_=&%.]*)?$/.test(path) &&
    !path.startsWith('/admin/connexion')
    ? path
    : '/admin/commandes';
}

function loginUrl(next: string): string {
  return `/admin/connexion?suite=${encodeURIComponent(safeNextPath(next))}`;
}
