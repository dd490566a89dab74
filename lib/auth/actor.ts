import 'server-only';
import type { Actor } from '@/lib/data/staff/staff';
import { requestContext } from './request-context';
import type { StaffUser } from './require-staff';

/** The member of staff acting, with the address the audit log records. */
export async function actorOf(staff: StaffUser): Promise<Actor & { sessionId: number }> {
  return { id: staff.id, sessionId: staff.sessionId, ip: (await requestContext()).ip };
}
