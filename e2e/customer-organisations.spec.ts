import { randomInt } from 'node:crypto';
import { booksOnShelf, createStaff, expectNoAxeViolation, feedback, logIn } from './support/admin';
import { expect, test } from './support/shop';

// Customer organisations at the desk (/admin/clients): a university library gets the 9 % the
// law allows it (loi n° 81-766, art. 3), not 10 %; the list finds it; two colleagues editing it
// at once do not overwrite each other.

/** A SIRET no other run has: 13 random digits and the Luhn key (INSEE). */
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

test('staff create a university library with 9 %, after 10 % is refused citing the law; the list shows it', async ({
  page,
  db,
}) => {
  const name = `Bibliothèque universitaire Cujas ${randomInt(1_000_000)}`;
  const siret = freshSiret();
  await logIn(page, await createStaff(db, 'libraire'));
  await page.getByRole('link', { name: 'Clients professionnels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clients professionnels' })).toBeVisible();
  await expectNoAxeViolation(page);
  await page.getByRole('link', { name: 'Nouvelle organisation' }).click();
  await expectNoAxeViolation(page);

  const form = page.getByRole('form', { name: 'Nouvelle organisation' });
  await form.getByLabel('Nom', { exact: true }).fill(name);
  await form.getByLabel('Type d’organisation').selectOption({ label: 'Bibliothèque accueillant du public' });
  await form.getByLabel('SIRET').fill(siret.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 '));
  await form.getByLabel('Remise négociée (%)').fill('10');
  await form.getByLabel('Délai de paiement (jours à compter de la facture)').fill('30');
  await form.getByLabel('Acheteur public : factures déposées sur Chorus Pro').check();
  await form.getByLabel('Code service Chorus Pro (facultatif)').fill('BIU-CUJAS');
  await form.getByLabel('Numéro d’engagement obligatoire sur chaque commande').check();
  await form.getByLabel('Adresse e-mail de facturation').fill('factures@biu-cujas.example');
  await form.getByLabel('Adresse', { exact: true }).fill('2 rue Cujas');
  await form.getByLabel('Code postal', { exact: true }).fill('75005');
  await form.getByLabel('Ville', { exact: true }).fill('Paris');
  await form.getByLabel(/^Acheteurs/).fill('Acquisitions@biu-cujas.example\nperiodiques@biu-cujas.example');
  await form.getByRole('button', { name: 'Créer l’organisation' }).click();

  await expect(form.getByRole('alert')).toContainText(
    'Remise de 10 % refusée : au plus 9 % pour une bibliothèque (loi n° 81-766, art. 3)',
  );
  await expectNoAxeViolation(page);
  expect((await db.query(`SELECT 1 FROM "CustomerOrganisation" WHERE "siret" = $1`, [siret])).rowCount).toBe(0);

  // What was typed is still there: only the discount changes.
  await expect(form.getByLabel('Nom', { exact: true })).toHaveValue(name);
  await form.getByLabel('Remise négociée (%)').fill('9');
  await form.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Organisation créée.' })).toBeVisible();
  await expectNoAxeViolation(page);

  const { rows } = await db.query<{
    discountBasisPoints: number;
    publicBuyer: boolean;
    engagementNumberRequired: boolean;
    kind: string;
    emails: string[];
  }>(
    `SELECT o."discountBasisPoints", o."publicBuyer", o."engagementNumberRequired", o."kind"::text AS "kind",
            array_agg(m."email" ORDER BY m."email") AS "emails"
     FROM "CustomerOrganisation" o JOIN "OrganisationMember" m ON m."organisationId" = o."id"
     WHERE o."siret" = $1 GROUP BY o."id"`,
    [siret],
  );
  expect(rows).toEqual([
    {
      discountBasisPoints: 900,
      publicBuyer: true,
      engagementNumberRequired: true,
      kind: 'library',
      emails: ['acquisitions@biu-cujas.example', 'periodiques@biu-cujas.example'],
    },
  ]);

  await page.getByRole('link', { name: 'Retour aux clients professionnels' }).click();
  const search = page.getByRole('search', { name: 'Chercher un client' });
  await search.getByRole('searchbox', { name: 'Nom, ville ou SIRET' }).fill(siret.slice(0, 9));
  await search.getByRole('button', { name: 'Chercher' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Bibliothèque accueillant du public');
  await expect(row).toContainText('9 %');
  await expect(row).toContainText('30 jours');
  await expect(page.getByRole('status').filter({ hasText: '1 organisation' })).toBeVisible();
  await expectNoAxeViolation(page);
});

test('two colleagues editing the same organisation: the second save is refused, the first kept', async ({
  page,
  browser,
  db,
}) => {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "CustomerOrganisation" ("name", "siret", "kind", "publicBuyer", "paymentTermDays", "discountBasisPoints",
       "billingEmail", "billingLine1", "billingPostalCode", "billingCity", "updatedAt")
     VALUES ($1, $2, 'company', false, 45, 300, 'compta@cabinet.example', '8 rue de Rivoli', '75004', 'Paris', now())
     RETURNING "id"`,
    [`Cabinet Portalis ${randomInt(1_000_000)}`, freshSiret()],
  );
  const id = rows[0]!.id;
  const colleague = await createStaff(db, 'libraire');
  await logIn(page, colleague);
  const other = await (await browser.newContext()).newPage();
  await logIn(other, colleague);
  await page.goto(`/admin/clients/${id}`);
  await other.goto(`/admin/clients/${id}`);
  await expectNoAxeViolation(page);

  // More than the 5 % of art. 1 for a law firm, and more than 60 days: refused, with the law.
  const form = page.getByRole('form', { name: 'Fiche de l’organisation' });
  await form.getByLabel('Remise négociée (%)').fill('6');
  await form.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'au plus 5 % pour une entreprise ou un cabinet (loi n° 81-766, art. 1)',
  );
  await form.getByLabel('Remise négociée (%)').fill('5');
  await form.getByLabel('Délai de paiement (jours à compter de la facture)').fill('60');
  await form.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await expect(feedback(page)).toContainText('Organisation enregistrée.');

  const stale = other.getByRole('form', { name: 'Fiche de l’organisation' });
  await stale.getByLabel('Remise négociée (%)').fill('2');
  await stale.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await expect(stale.getByRole('alert')).toContainText('modifiée entre-temps par un collègue');

  const saved = await db.query(
    `SELECT "discountBasisPoints", "paymentTermDays", "version" FROM "CustomerOrganisation" WHERE "id" = $1`,
    [id],
  );
  expect(saved.rows[0]).toEqual({ discountBasisPoints: 500, paymentTermDays: 60, version: 2 });
  await other.context().close();
});

test('a company on monthly statements pays within 45 days of it, not 60 (C. com. L441-10, I)', async ({ page, db }) => {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "CustomerOrganisation" ("name", "siret", "kind", "publicBuyer", "paymentTermDays", "discountBasisPoints",
       "billingEmail", "billingLine1", "billingPostalCode", "billingCity", "updatedAt")
     VALUES ($1, $2, 'company', false, 60, 0, 'compta@cabinet.example', '8 rue de Rivoli', '75004', 'Paris', now())
     RETURNING "id"`,
    [`Cabinet Domat ${randomInt(1_000_000)}`, freshSiret()],
  );
  const id = rows[0]!.id;
  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto(`/admin/clients/${id}`);
  await expect(page.getByRole('heading', { name: 'Relevé mensuel' })).toHaveCount(0);
  const form = page.getByRole('form', { name: 'Fiche de l’organisation' });
  await form.getByLabel('Relevé mensuel : une facture par mois pour les commandes expédiées').check();
  await form.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await expect(form.getByRole('alert')).toContainText('au plus 45 jours à compter d’un relevé mensuel');
  await expect(form.getByRole('alert')).toContainText('L441-10, I');
  await form.getByLabel('Délai de paiement (jours à compter de la facture)').fill('45');
  await form.getByRole('button', { name: 'Enregistrer l’organisation' }).click();
  await expect(feedback(page)).toContainText('Organisation enregistrée.');
  await page.reload();
  const statement = page.getByRole('region', { name: 'Relevé mensuel' });
  await expect(statement).toContainText('Aucune commande expédiée en attente de facture.');
  await expectNoAxeViolation(page);
  const saved = await db.query(
    `SELECT "monthlyStatement", "paymentTermDays" FROM "CustomerOrganisation" WHERE "id" = $1`,
    [id],
  );
  expect(saved.rows[0]).toEqual({ monthlyStatement: true, paymentTermDays: 45 });
});

test('a book is marked as a schoolbook on its back-office record', async ({ page, db }) => {
  const [book] = await booksOnShelf(db, 1);
  await logIn(page, await createStaff(db, 'libraire'));
  await page.goto(`/admin/catalogue/livres/${book!.ean}`);
  const form = page.getByRole('form', { name: 'Fiche du livre' });
  await form.getByLabel('Livre scolaire').check();
  await form.getByRole('button', { name: 'Enregistrer le livre' }).click();
  await expect(feedback(page)).toContainText('Livre enregistré');
  const marked = async () =>
    (await db.query<{ schoolbook: boolean }>(`SELECT "schoolbook" FROM "Book" WHERE "ean" = $1`, [book!.ean])).rows[0]!
      .schoolbook;
  await expect.poll(marked).toBe(true);
  await page.reload();
  await expect(form.getByLabel('Livre scolaire')).toBeChecked();
  await db.query(`UPDATE "Book" SET "schoolbook" = false WHERE "ean" = $1`, [book!.ean]);
});
