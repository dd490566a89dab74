import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DATABASE = {
  group: ['@/lib/db', '@/lib/prisma-client', '@/lib/generated/*'],
  message: 'Read data through lib/data/.',
};

/** Folders of pure domain logic (lib/<folder>). */
const PURE_FOLDERS = [
  'pricing',
  'availability',
  'isbn',
  'orders',
  'format',
  'search',
  'catalog',
  'validation',
  'shop',
  'stock',
  'email',
  'tracking',
  'jobs',
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
    // Domain rules are pure: no framework, no database, no server-only module. They take what
    // they need as arguments, and are tested beside themselves.
    files: PURE_FOLDERS.map((folder) => `lib/${folder}/**`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'server-only',
                '@/lib/data',
                '@/lib/data/*',
                '**/data/*',
                '@/lib/db',
                '@/lib/prisma-client',
                '@/lib/generated/*',
                '**/generated/*',
                '@/lib/env',
                '@/lib/stripe',
              ],
              message: `lib/${PURE_FOLDERS.join(', lib/')} are pure: pass data in as arguments.`,
            },
          ],
        },
      ],
    },
  },
);
