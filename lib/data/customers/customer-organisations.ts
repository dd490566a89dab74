import 'server-only';
import { getDb } from '@/lib/db';
import { failure, type Result } from '@/lib/core/result';
import { Prisma } from '@/lib/generated/prisma/client';
import type { OrganisationDiscounts, OrganisationKind } from '@/lib/pricing';
import type { OrganisationInput } from '@/lib/validation/customer-organisations';
import { Rejection, STAFF_LIMITS, transact, type Tx } from '@/lib/data/platform/transactions';
import { recordAudit } from '@/lib/data/staff/audit';
import type { Actor } from '@/lib/data/staff/staff';

// Customer organisations as staff manage them (/admin/clients): created, edited with a version
// check (two colleagues saving at once: the second is refused), each change in the audit log in
// the same transaction. docs/decisions/025-customer-organisations.md.

export const ORGANISATIONS_PAGE_SIZE = 50;

export type OrganisationRow = {
  id: number;
  name: string;
  siret: string;
  kind: OrganisationKind;
  billingCity: string;
  discountBasisPoints: number;
  paymentTermDays: number;
  buyerCount: number;
};

/** The list, by name; `q` finds a name or a city (any part, accents as typed) or a SIRET (its digits). */
export async function listOrganisations(filter: { q: string; page: number }) {
  const digits = filter.q.replace(/\s/g, '');
  const where: Prisma.CustomerOrganisationWhereInput = filter.q
    ? {
        OR: [
          { name: { contains: filter.q, mode: 'insensitive' } },
          { billingCity: { contains: filter.q, mode: 'insensitive' } },
          ...(/^\d{3,14}$/.test(digits) ? [{ siret: { startsWith: digits } }] : []),
        ],
      }
    : {};
  const [total, rows] = await Promise.all([
    getDb().customerOrganisation.count({ where }),
    getDb().customerOrganisation.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (filter.page - 1) * ORGANISATIONS_PAGE_SIZE,
      take: ORGANISATIONS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        siret: true,
        kind: true,
        billingCity: true,
        discountBasisPoints: true,
        paymentTermDays: true,
        _count: { select: { members: true } },
      },
    }),
  ]);
  return {
    total,
    rows: rows.map(({ _count, ...row }): OrganisationRow => ({ ...row, buyerCount: _count.members })),
  };
}

const EDIT_SELECT = {
  id: true,
  name: true,
  siret: true,
  vatNumber: true,
  kind: true,
  publicBuyer: true,
  chorusServiceCode: true,
  engagementNumberRequired: true,
  paymentTermDays: true,
  monthlyStatement: true,
  discountBasisPoints: true,
  schoolbookDiscountBasisPoints: true,
  billingEmail: true,
  billingLine1: true,
  billingLine2: true,
  billingPostalCode: true,
  billingCity: true,
  deliveryLine1: true,
  deliveryLine2: true,
  deliveryPostalCode: true,
  deliveryCity: true,
  version: true,
  updatedAt: true,
  members: { select: { email: true }, orderBy: { email: 'asc' } },
} satisfies Prisma.CustomerOrganisationSelect;

type EditRow = Prisma.CustomerOrganisationGetPayload<{ select: typeof EDIT_SELECT }>;

export type OrganisationForEditing = Omit<EditRow, 'members'> & { buyerEmails: string[] };

export async function getOrganisationForEditing(id: number): Promise<OrganisationForEditing | null> {
  const row = await getDb().customerOrganisation.findUnique({ where: { id }, select: EDIT_SELECT });
  if (!row) return null;
  const { members, ...organisation } = row;
  return { ...organisation, buyerEmails: members.map((member) => member.email) };
}

/**
 * What lib/pricing needs to price a line for this organisation (organisationUnitPrice), read
 * with the caller's client (a transaction placing an order passes its own).
 */
export async function getOrganisationPricingTerms(
  id: number,
  client: Pick<Tx, 'customerOrganisation'> = getDb(),
): Promise<{ kind: OrganisationKind; discounts: OrganisationDiscounts } | null> {
  const row = await client.customerOrganisation.findUnique({
    where: { id },
    select: { kind: true, discountBasisPoints: true, schoolbookDiscountBasisPoints: true },
  });
  return (
    row && {
      kind: row.kind,
      discounts: {
        discountBasisPoints: row.discountBasisPoints,
        schoolbookDiscountBasisPoints: row.schoolbookDiscountBasisPoints,
      },
    }
  );
}

/** The organisations a person may order for, by the e-mail they sign in with (lower-case). */
export async function listOrganisationsOfBuyer(email: string): Promise<{ id: number; name: string }[]> {
  return getDb().customerOrganisation.findMany({
    where: { members: { some: { email: email.trim().toLowerCase() } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
}

const SIRET_TAKEN_MESSAGE = 'Une organisation avec ce SIRET existe déjà.';
const SIRET_TAKEN = failure('SIRET_TAKEN', SIRET_TAKEN_MESSAGE, { fieldErrors: { siret: SIRET_TAKEN_MESSAGE } });

const ORGANISATION_CHANGED = failure(
  'ORGANISATION_CHANGED',
  'Cette organisation a été modifiée entre-temps par un collègue : rechargez la page pour voir ses changements.',
);

const UNKNOWN_ORGANISATION = failure('UNKNOWN_ORGANISATION', 'Organisation inconnue.');

function columnsOf(input: OrganisationInput) {
  const { buyerEmails: _buyers, ...columns } = input;
  return columns;
}

/** The audit log's picture of an organisation: its columns and its buyers. */
function auditPicture(input: OrganisationInput) {
  return JSON.parse(JSON.stringify(input)) as Prisma.InputJsonObject;
}

/** Another transaction took the SIRET first: the unique index refused this one. */
function isSiretTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === 'P2002' &&
    JSON.stringify(error.meta ?? {}).includes('siret')
  );
}

async function withSiretCheck<T>(work: () => Promise<T>): Promise<T | typeof SIRET_TAKEN> {
  try {
    return await work();
  } catch (error) {
    if (isSiretTaken(error)) return SIRET_TAKEN;
    throw error;
  }
}

export async function createOrganisation(actor: Actor, input: OrganisationInput): Promise<Result<{ id: number }>> {
  return withSiretCheck(() =>
    transact(async (tx) => {
      const taken = await tx.customerOrganisation.findUnique({ where: { siret: input.siret }, select: { id: true } });
      if (taken) throw new Rejection(SIRET_TAKEN);
      const created = await tx.customerOrganisation.create({
        data: {
          ...columnsOf(input),
          members: { create: input.buyerEmails.map((email) => ({ email })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        staffId: actor.id,
        action: 'customer.organisation_created',
        after: { id: created.id, ...auditPicture(input) },
        ip: actor.ip,
      });
      return { ok: true as const, id: created.id };
    }, STAFF_LIMITS),
  );
}

/**
 * Saves the organisation as the form showed it at `version`: the row is locked, a save made
 * meanwhile by a colleague wins and this one is refused; the buyers become the list given.
 */
export async function updateOrganisation(
  actor: Actor,
  change: { id: number; version: number; input: OrganisationInput },
): Promise<Result<{ version: number }>> {
  const { id, version, input } = change;
  return withSiretCheck(() =>
    transact(async (tx) => {
      const [locked] = await tx.$queryRaw<{ version: number }[]>`
        SELECT "version" FROM "CustomerOrganisation" WHERE "id" = ${id} FOR UPDATE`;
      if (!locked) throw new Rejection(UNKNOWN_ORGANISATION);
      if (locked.version !== version) throw new Rejection(ORGANISATION_CHANGED);
      const taken = await tx.customerOrganisation.findFirst({
        where: { siret: input.siret, id: { not: id } },
        select: { id: true },
      });
      if (taken) throw new Rejection(SIRET_TAKEN);
      const before = await tx.customerOrganisation.findUniqueOrThrow({ where: { id }, select: EDIT_SELECT });
      const saved = await tx.customerOrganisation.update({
        where: { id },
        data: { ...columnsOf(input), version: { increment: 1 } },
        select: { version: true },
      });
      await tx.organisationMember.deleteMany({ where: { organisationId: id, email: { notIn: input.buyerEmails } } });
      await tx.organisationMember.createMany({
        data: input.buyerEmails.map((email) => ({ organisationId: id, email })),
        skipDuplicates: true,
      });
      const { members, version: _version, updatedAt: _updatedAt, id: _id, ...columns } = before;
      const previous = { ...columns, buyerEmails: members.map((member) => member.email) };
      const changed = Object.keys(input).filter(
        (key) =>
          JSON.stringify(previous[key as keyof typeof previous]) !== JSON.stringify(input[key as keyof typeof input]),
      );
      const pick = (source: Record<string, unknown>) =>
        JSON.parse(
          JSON.stringify(Object.fromEntries(changed.map((key) => [key, source[key] ?? null]))),
        ) as Prisma.InputJsonObject;
      await recordAudit(tx, {
        staffId: actor.id,
        action: 'customer.organisation_updated',
        before: { id, ...pick(previous) },
        after: { id, ...pick(input) },
        ip: actor.ip,
      });
      return { ok: true as const, version: saved.version };
    }, STAFF_LIMITS),
  );
}
