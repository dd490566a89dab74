import { randomInt, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationUnitPrice } from '@/lib/pricing';
import { OrganisationFormSchema, type OrganisationInput } from '@/lib/validation/customer-organisations';
import { insertStaffAccount } from '@/scripts/lib/staff-account';
import { createTestBook } from '@/scripts/test/fixtures/books';
import { openTestDatabase } from '@/scripts/test/test-database';

const db = openTestDatabase();
let organisations: typeof import('./customer-organisations');
let staff: { id: number; ip: string | null };

beforeAll(async () => {
  organisations = await import('./customer-organisations');
  const id = await insertStaffAccount(db, {
    email: `clients-${randomUUID()}@librairie.example`,
    name: 'Libraire des clients',
    role: 'libraire',
    password: 'un mot de passe assez long',
  });
  staff = { id, ip: '127.0.0.1' };
});

/** A SIRET nobody else in the shared test database has: 13 random digits and the Luhn key. */
function freshSiret(): string {
  const body = Array.from({ length: 13 }, () => randomInt(10)).join('');
  for (let key = 0; key < 10; key += 1) {
    const siret = `${body}${key}`;
    const sum = [...siret].reverse().reduce((acc, char, index) => {
      const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
      return acc + (digit > 9 ? digit - 9 : digit);
    }, 0);
    if (sum % 10 === 0 && !siret.startsWith('356000000')) return siret;
  }
  throw new Error('unreachable');
}

function libraryForm(overrides: Record<string, string> = {}): OrganisationInput {
  return OrganisationFormSchema.parse({
    name: 'Bibliothèque universitaire de droit',
    kind: 'library',
    siret: freshSiret(),
    discount: '9',
    paymentTermDays: '30',
    publicBuyer: 'on',
    chorusServiceCode: 'BU-DROIT',
    engagementNumberRequired: 'on',
    billingEmail: 'Factures.BU@Univ.example',
    billingLine1: '12 place du Panthéon',
    billingPostalCode: '75005',
    billingCity: 'Paris',
    buyers: 'Acq.Droit@univ.example\nacq.droit@univ.example; direction.bu@univ.example',
    ...overrides,
  });
}

describe('customer organisations', () => {
  it('are created with their buyers and an audit entry, and lib/pricing prices a book for them from the database', async () => {
    const input = libraryForm();
    const created = await organisations.createOrganisation(staff, input);
    if (!created.ok) throw new Error(created.message);

    const stored = await organisations.getOrganisationForEditing(created.id);
    expect(stored).toMatchObject({
      kind: 'library',
      discountBasisPoints: 900,
      publicBuyer: true,
      engagementNumberRequired: true,
      billingEmail: 'factures.bu@univ.example',
      version: 1,
      buyerEmails: ['acq.droit@univ.example', 'direction.bu@univ.example'],
    });
    const audit = await db.auditEntry.findFirst({
      where: { action: 'customer.organisation_created', staffId: staff.id },
      orderBy: { id: 'desc' },
    });
    expect(audit?.after).toMatchObject({ id: created.id, siret: input.siret, discountBasisPoints: 900 });

    const book = await createTestBook(db, { onHand: 1, withSupplier: false, priceCents: 1999 });
    const terms = await organisations.getOrganisationPricingTerms(created.id);
    const { publisherPriceCents, schoolbook } = await db.book.findUniqueOrThrow({
      where: { ean: book.ean },
      select: { publisherPriceCents: true, schoolbook: true },
    });
    const priced = organisationUnitPrice({
      kind: terms!.kind,
      discounts: terms!.discounts,
      publisherPriceCents,
      purchase: { schoolbook, forOwnNeeds: true },
    });
    expect(priced).toMatchObject({ appliedBasisPoints: 900, unitPriceCents: 1820 });

    expect(await organisations.listOrganisationsOfBuyer('ACQ.DROIT@univ.example')).toContainEqual({
      id: created.id,
      name: 'Bibliothèque universitaire de droit',
    });
  });

  it('a SIRET belongs to one organisation: a second one, even created at the same moment, is refused', async () => {
    const siret = freshSiret();
    const first = await organisations.createOrganisation(staff, libraryForm({ siret }));
    expect(first.ok).toBe(true);
    const again = await organisations.createOrganisation(staff, libraryForm({ siret, name: 'Doublon' }));
    expect(again).toMatchObject({ ok: false, code: 'SIRET_TAKEN', fieldErrors: { siret: expect.any(String) } });

    const raced = freshSiret();
    const results = await Promise.all([
      organisations.createOrganisation(staff, libraryForm({ siret: raced, name: 'Course A' })),
      organisations.createOrganisation(staff, libraryForm({ siret: raced, name: 'Course B' })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'SIRET_TAKEN' });
    expect(await db.customerOrganisation.count({ where: { siret: raced } })).toBe(1);

    // Nor can an edit take another organisation's SIRET.
    const other = await organisations.createOrganisation(staff, libraryForm());
    if (!other.ok) throw new Error(other.message);
    const taken = await organisations.updateOrganisation(staff, {
      id: other.id,
      version: 1,
      input: libraryForm({ siret }),
    });
    expect(taken).toMatchObject({ ok: false, code: 'SIRET_TAKEN' });
  });

  it('two colleagues saving the same organisation from the same page: one save wins, the other is told to reload', async () => {
    const input = libraryForm();
    const created = await organisations.createOrganisation(staff, input);
    if (!created.ok) throw new Error(created.message);
    const results = await Promise.all([
      organisations.updateOrganisation(staff, {
        id: created.id,
        version: 1,
        input: { ...input, discountBasisPoints: 800, buyerEmails: ['a@univ.example'] },
      }),
      organisations.updateOrganisation(staff, {
        id: created.id,
        version: 1,
        input: { ...input, discountBasisPoints: 700, buyerEmails: ['b@univ.example'] },
      }),
    ]);
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, version: 2 }]);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: 'ORGANISATION_CHANGED' });

    const stored = await organisations.getOrganisationForEditing(created.id);
    const winner = stored!.discountBasisPoints === 800 ? 'a@univ.example' : 'b@univ.example';
    expect(stored).toMatchObject({ version: 2, buyerEmails: [winner] });
    const updates = await db.auditEntry.findMany({
      where: {
        action: 'customer.organisation_updated',
        staffId: staff.id,
        after: { path: ['id'], equals: created.id },
      },
    });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.before).toMatchObject({ discountBasisPoints: 900 });

    // A form still showing version 1 is refused too.
    const stale = await organisations.updateOrganisation(staff, { id: created.id, version: 1, input });
    expect(stale).toMatchObject({ ok: false, code: 'ORGANISATION_CHANGED' });
  });

  it('the database refuses what the form refuses: a public buyer paying in 45 days, an upper-case member', async () => {
    const siret = freshSiret();
    await expect(
      db.$executeRaw`
        INSERT INTO "CustomerOrganisation" ("name", "siret", "kind", "publicBuyer", "paymentTermDays",
          "billingEmail", "billingLine1", "billingPostalCode", "billingCity", "updatedAt")
        VALUES ('Mairie', ${siret}, 'local_authority', true, 45, 'm@mairie.example', '1 place', '75001', 'Paris', now())`,
    ).rejects.toThrow(/CustomerOrganisation_payment_term/);
    const created = await organisations.createOrganisation(staff, libraryForm());
    if (!created.ok) throw new Error(created.message);
    await expect(
      db.$executeRaw`INSERT INTO "OrganisationMember" ("organisationId", "email") VALUES (${created.id}, 'Upper@Example.org')`,
    ).rejects.toThrow(/OrganisationMember_email_lower/);
  });
});
