import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditAction } from '@/lib/audit/actions';
import { type Tx } from '@/lib/data/platform/transactions';

export type AuditInput = {
  staffId: number | null;
  action: AuditAction;
  orderId?: number;
  before?: Prisma.InputJsonObject;
  after?: Prisma.InputJsonObject;
  ip?: string | null;
};

/**
 * Appends to the audit log, inside the caller's transaction: the entry exists if and only if
 * the change does. The table is append-only (a trigger refuses UPDATE and DELETE).
 */
export async function recordAudit(tx: Tx | ReturnType<typeof getDb>, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      staffId: entry.staffId,
      action: entry.action,
      orderId: entry.orderId,
      before: entry.before,
      after: entry.after,
      ipAddress: entry.ip?.slice(0, 64) ?? null,
    },
    select: { id: true },
  });
}

/** An entry that goes with no other write (a failed login). */
export async function appendAudit(entry: AuditInput): Promise<void> {
  await recordAudit(getDb(), entry);
}

export type AuditEntryView = {
  id: string;
  at: Date;
  action: string;
  staffName: string | null;
  orderReference: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  ipAddress: string | null;
};

const AUDIT_SELECT = {
  id: true,
  at: true,
  action: true,
  before: true,
  after: true,
  ipAddress: true,
  staff: { select: { name: true } },
  order: { select: { reference: true } },
} satisfies Prisma.AuditEntrySelect;

type AuditRow = Prisma.AuditEntryGetPayload<{ select: typeof AUDIT_SELECT }>;

const toView = (row: AuditRow): AuditEntryView => ({
  id: row.id.toString(),
  at: row.at,
  action: row.action,
  staffName: row.staff?.name ?? null,
  orderReference: row.order?.reference ?? null,
  before: row.before,
  after: row.after,
  ipAddress: row.ipAddress,
});

export const JOURNAL_PAGE_SIZE = 50;

/** /admin/journal: newest first, optionally one kind of action. */
export async function listAuditEntries(filter: { action?: AuditAction; page: number }) {
  const where: Prisma.AuditEntryWhereInput = filter.action ? { action: filter.action } : {};
  const [total, rows] = await Promise.all([
    getDb().auditEntry.count({ where }),
    getDb().auditEntry.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      select: AUDIT_SELECT,
    }),
  ]);
  return { total, entries: rows.map(toView) };
}

/** The order timeline's staff part, oldest first. */
export async function listOrderAuditEntries(orderId: number): Promise<AuditEntryView[]> {
  const rows = await getDb().auditEntry.findMany({
    where: { orderId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: AUDIT_SELECT,
  });
  return rows.map(toView);
}
