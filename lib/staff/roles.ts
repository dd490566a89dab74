// Staff roles: a libraire runs orders; an admin also manages staff accounts and the shop's
// settings. Pure: the database's StaffRole enum is checked against this list in
// lib/data/platform/enum-checks.ts.

export const STAFF_ROLES = ['libraire', 'admin'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

const RANK: Record<StaffRole, number> = { libraire: 1, admin: 2 };

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { libraire: 'Libraire', admin: 'Administrateur' };

/** An admin may do everything a libraire may. */
export function hasRole(actual: StaffRole, required: StaffRole): boolean {
  return RANK[actual] >= RANK[required];
}
