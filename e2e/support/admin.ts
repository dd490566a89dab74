import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { hashPassword } from '../../lib/auth/password';
import { expect } from './shop';

// What the back-office specs share: the demo admin that `npm start` created for the e2e run,
// staff accounts written straight into the database, and logging in as a person does.

export type StaffCredentials = { email: string; password: string; name: string };

/** The admin `npm start` created in .data/e2e (scripts/lib/demo-admin.ts). */
export function demoAdmin(): StaffCredentials {
  const file = path.resolve(import.meta.dirname, '../../.data/e2e/demo-admin.json');
  const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
  return { email, password, name: 'Administrateur (démo)' };
}

/** A new staff account, for a test of its own. */
export async function createStaff(db: pg.Pool, role: 'libraire' | 'admin', name?: string): Promise<StaffCredentials> {
  const tag = randomUUID().slice(0, 8);
  const account = {
    email: `${role}.${tag}@librairie.test`,
    password: `mot de passe ${tag}`,
    name: name ?? `Libraire ${tag}`,
  };
  await db.query(
    `INSERT INTO "Staff" ("email", "name", "role", "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`,
    [account.email, account.name, role, await hashPassword(account.password)],
  );
  return account;
}

/** Logs in through /admin/connexion; lands on the orders list. */
export async function logIn(page: Page, account: StaffCredentials): Promise<void> {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/admin\/commandes$/);
}

/** The back office's confirmation of the last action (components/admin/feedback.tsx). */
export function feedback(page: Page) {
  return page.locator('.feedback');
}

// Books other specs count on by their EAN (stock, price, cover): never picked at random here.
export const BOOKED_BY_OTHER_SPECS = [
  '9782130835219',
  '9782130849575',
  '9782296013681',
  '9782717835212',
  '9782296998414',
  '9782701319803',
];

/** `count` books with at least 3 copies free on the shelf, picked at random among the catalog's. */
export async function booksOnShelf(db: pg.Pool, count: number): Promise<{ ean: string; title: string }[]> {
  const { rows } = await db.query<{ ean: string; title: string }>(
    `SELECT b."ean", b."title" FROM "Book" b JOIN "StockLevel" s ON s."bookId" = b."id"
      WHERE s."onHand" - s."held" >= 3 AND b."ean" <> ALL($1::text[])
      ORDER BY random() LIMIT $2`,
    [BOOKED_BY_OTHER_SPECS, count],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} books with copies on the shelf`);
  return rows;
}

/** `count` books with no free copy that the distributor supplies ("sur commande"), picked at random. */
export async function booksFromSupplier(db: pg.Pool, count: number): Promise<{ ean: string; title: string }[]> {
  const { rows } = await db.query<{ ean: string; title: string }>(
    `SELECT b."ean", b."title" FROM "Book" b JOIN "StockLevel" s ON s."bookId" = b."id"
      WHERE b."availability" = 'to_order' AND s."onHand" - s."held" <= 0 AND b."ean" <> ALL($1::text[])
      ORDER BY random() LIMIT $2`,
    [BOOKED_BY_OTHER_SPECS, count],
  );
  if (rows.length < count) throw new Error(`Only ${rows.length} books to order from the distributor`);
  return rows;
}

export async function ledgerOf(db: pg.Pool, orderReference: string) {
  const { rows } = await db.query<{ ean: string; quantity: number; reason: string }>(
    `SELECT b."ean", m."quantity", m."reason" FROM "StockMovement" m
       JOIN "Order" o ON o."id" = m."orderId" JOIN "Book" b ON b."id" = m."bookId"
      WHERE o."reference" = $1 ORDER BY m."id"`,
    [orderReference],
  );
  return rows;
}

/**
 * axe (WCAG 2.1 A and AA) finds nothing on the page as it is now. After a client navigation the
 * page's <title> arrives with its streamed metadata, a moment after the content: wait for it.
 */
export async function expectNoAxeViolation(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Runs the invariant check at /admin/etat as a member of staff would ("Vérifier maintenant") and
 * expects no violation anywhere in the shop; otherwise fails with what the page lists.
 */
export async function expectNoInvariantViolation(page: Page): Promise<void> {
  await page.goto('/admin/etat');
  if (new URL(page.url()).pathname !== '/admin/etat') {
    await logIn(page, demoAdmin());
    await page.goto('/admin/etat');
  }
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await expect(feedback(page)).toContainText('Vérification faite');
  await page.reload();
  const listed = await page.locator('section table tbody tr').allInnerTexts();
  expect(listed).toEqual([]);
  await expect(page.getByRole('status').filter({ hasText: 'Dernière vérification' })).toContainText('aucune anomalie');
}
