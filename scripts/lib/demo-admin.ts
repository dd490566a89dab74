// Demo mode (embedded database, no DATABASE_URL): one admin account, so the back office can be
// tried at once. Its password is generated on the first run and kept in the data folder (0600),
// like the demo's other secrets, and npm start prints it. With DATABASE_URL there is no default
// account: `npm run staff:create -- --email … --role admin`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { generatePassword } from '../../lib/auth/password';
import { insertStaffAccount } from './staff-account';

const DemoAdminSchema = z.object({ email: z.string().min(3), password: z.string().min(12) });
export type DemoAdmin = z.infer<typeof DemoAdminSchema>;

export const DEMO_ADMIN_EMAIL = 'admin@librairie.example';

/** The demo admin's e-mail and password, read from or written to `<dataDir>/demo-admin.json`. */
export function loadOrCreateDemoAdminCredentials(dataDir: string): DemoAdmin {
  const file = path.join(dataDir, 'demo-admin.json');
  if (existsSync(file)) return DemoAdminSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const credentials = { email: DEMO_ADMIN_EMAIL, password: generatePassword() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

/** Creates the demo admin if the database has no account with its e-mail, and prints how to log in. */
export async function ensureDemoAdmin(db: PrismaClient, dataDir: string): Promise<DemoAdmin> {
  const credentials = loadOrCreateDemoAdminCredentials(dataDir);
  const existing = await db.staff.findUnique({ where: { email: credentials.email }, select: { id: true } });
  if (!existing) {
    await insertStaffAccount(db, { ...credentials, name: 'Administrateur (démo)', role: 'admin' });
  }
  console.log(
    `Arrière-boutique : /admin, ${credentials.email} / ${credentials.password}` +
      (existing ? ' (sauf si le mot de passe a été changé depuis)' : ''),
  );
  return credentials;
}
