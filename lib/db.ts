import 'server-only';
import { getEnv } from './env';
import { createPrismaClient, type PrismaClient } from './prisma-client';

// One client per process; kept on globalThis so dev hot reloads do not open new pools.
const globalForPrisma = globalThis as typeof globalThis & { librairiePrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.librairiePrisma ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForPrisma.librairiePrisma;
}
