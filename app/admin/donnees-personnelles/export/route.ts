import { actorOf } from '@/lib/auth/actor';
import { requireStaff } from '@/lib/auth/require-staff';
import { emailDigest, exportPersonalData } from '@/lib/data/privacy/subject-requests';
import { appendAudit } from '@/lib/data/staff/audit';
import { problem } from '@/lib/http/problem';
import { SubjectEmailSchema } from '@/lib/validation/personal-data';

/**
 * Every row that holds one person's e-mail address, as JSON (RGPD art. 15: access; art. 20:
 * portability, in a machine-readable format). Admins only; each export is audit-logged.
 */
export async function GET(request: Request) {
  const staff = await requireStaff('admin');
  const parsed = SubjectEmailSchema.safeParse(new URL(request.url).searchParams.get('email') ?? '');
  if (!parsed.success) return problem(400, 'INVALID_EMAIL', 'Adresse e-mail invalide.');
  const data = await exportPersonalData(parsed.data);
  const actor = await actorOf(staff);
  await appendAudit({
    staffId: actor.id,
    action: 'privacy.exported',
    after: {
      emailSha256: emailDigest(parsed.data),
      orders: data.orders.length,
      bookRequests: data.bookRequests.length,
      availabilityAlerts: data.availabilityAlerts.length,
      readerAccount: data.readerAccount !== null,
      organisations: data.organisations.length,
    },
    ip: actor.ip,
  });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="donnees-personnelles-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
