// Creates a staff account from a script (npm start's demo admin, npm run staff:create), with the
// same password hashing and audit entry as the admin screen (lib/data/staff/staff.ts).
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { StaffRole } from '../../lib/generated/prisma/enums';
import { hashPassword } from '../../lib/auth/password';

export async function insertStaffAccount(
  db: PrismaClient,
  input: { email: string; name: string; role: StaffRole; password: string },
): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const staff = await tx.staff.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true },
    });
    await tx.auditEntry.create({
      data: {
        staffId: null,
        action: 'staff.created',
        after: { staffId: staff.id, email: input.email, name: input.name, role: input.role, by: 'script' },
      },
    });
    return staff.id;
  });
}
