import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DATABASE = {
  group: ['@/lib/db', '@/lib/database/prisma-client', '@/lib/database/serial-transactions', '@/lib/generated/*'],
  message: 'Read data through lib/data/.',
};

// Imports go one way, bottom to top: lib/core (French money and dates, the Failure value) uses
// nothing; the pure rules use core; lib/validation (zod schemas at the boundaries) uses rules;
// lib/data uses all of them and the database; the server glue, components/ and app/ sit on top.
// scripts/test/import-layers.test.ts checks that no two folders import each other.

/** Pure domain rules (lib/<folder>): no framework, no database, no server-only module. */
const RULE_FOLDERS = [
  'alerts',
  'audit',
  'availability',
  'catalog',
  'edi',
  'email',
  'front-cache',
  'invoicing',
  'invariants',
  'isbn',
  'jobs',
  'legal',
  'onix',
  'orders',
  'organisations',
  'payments',
  'pricing',
  'quotes',
  'reader-accounts',
  'search',
  'seo',
  'session',
  'shop',
  'staff',
  'stock',
  'terms',
  'tracking',
];

const NOT_PURE = [
  'next',
  'next/*',
  'server-only',
  '@/lib/data',
  '@/lib/data/*',
  '**/data/*',
  '@/lib/db',
  '@/lib/database/*',
  '@/lib/generated/*',
  '**/generated/*',
  '@/lib/env',
  '@/lib/stripe',
  '@/lib/mailer',
  '@/lib/auth/*',
  '@/lib/cart/*',
  '@/lib/checkout/*',
  '@/lib/http/*',
  '@/lib/media/*',
  '@/lib/refunds/*',
];

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'lib/generated/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Only lib/data/ (and the seed and scripts) may reach the database.
    files: ['app/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DATABASE] }],
    },
  },
  {
    // Components read data through lib/data/ and never reach into routes (actions live beside
    // the components that post them).
    files: ['components/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [DATABASE, { group: ['@/app/*', '**/app/*'], message: 'components/ never imports from app/.' }] },
      ],
    },
  },
  {
    // The bottom pieces use nothing of the project: everything may use them.
    files: ['lib/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/*', '../*', ...NOT_PURE], message: 'lib/core uses nothing of the project.' }] },
      ],
    },
  },
  {
    // Domain rules are pure: no framework, no database, no server-only module, no boundary
    // schema (lib/validation uses them, not the other way). They take what they need as
    // arguments, and are tested beside themselves.
    files: RULE_FOLDERS.map((folder) => `lib/${folder}/**`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NOT_PURE, '@/lib/validation/*'],
              message: `lib/${RULE_FOLDERS.join(', lib/')} are pure: pass data in as arguments.`,
            },
          ],
        },
      ],
    },
  },
  {
    // Their tests may check them against the boundary schemas, never against the database.
    files: RULE_FOLDERS.map((folder) => `lib/${folder}/**/*.test.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: NOT_PURE, message: 'Tests of pure rules need no database nor framework.' }] },
      ],
    },
  },
  {
    // Boundary schemas: pure too, on top of the rules.
    files: ['lib/validation/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: NOT_PURE, message: 'lib/validation is pure: zod schemas over the domain rules.' }] },
      ],
    },
  },
  {
    // The server's logs are one JSON object per line (lib/observability/logger.ts), each with the
    // id of its request or job: console.* would write lines no collector can read nor join.
    // CLI scripts that talk to a person (backup, restore, staff:create, the seed) keep console.
    files: [
      'lib/**',
      'app/**',
      'components/**',
      'scripts/serve.ts',
      'scripts/worker.ts',
      'scripts/lib/worker-*.ts',
      'scripts/lib/request-observer.ts',
      'scripts/lib/graceful-shutdown.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Logs and metrics sit under the data layer: lib/data counts and logs through them, they know
    // nothing of it (nor of the database, the server glue, the UI).
    files: ['lib/observability/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/data',
                '@/lib/data/*',
                '**/data/*',
                '@/lib/db',
                '@/lib/database/*',
                '@/lib/generated/*',
                '@/lib/env',
                '@/lib/auth/*',
                '@/lib/cart/*',
                '@/lib/checkout/*',
                '@/lib/http/*',
                '@/lib/refunds/*',
                '@/components/*',
                '@/app/*',
              ],
              message: 'lib/observability is under lib/data and lib/env: they use it, it uses neither.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data layer sits under the server glue: it never reaches up into it.
    files: ['lib/data/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/auth/*',
                '@/lib/cart/*',
                '@/lib/checkout/*',
                '@/lib/http/*',
                '@/lib/refunds/*',
                '@/components/*',
                '@/app/*',
              ],
              message:
                'lib/data is under the server glue (auth, cart, checkout, http, refunds): pass what it needs in.',
            },
          ],
        },
      ],
    },
  },
);
