import { defineConfig } from 'prisma/config';

// The CLI reads DATABASE_URL; scripts/prisma.ts sets it (embedded database by default).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
