// For integration test files: a Prisma client on the database that scripts/test/database-setup.ts
// prepared (migrations applied, demo catalog loaded), closed after the file's tests. The client
// connects on its first query.
import { afterAll, inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../../lib/database/prisma-client';

export function openTestDatabase(): PrismaClient {
  const db = createPrismaClient(inject('databaseUrl'));
  afterAll(() => db.$disconnect());
  return db;
}
