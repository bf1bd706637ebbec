import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const serverOnly = ['@/lib/server/*', '@/lib/server/**', '@/lib/env'];
const frameworks = ['next', 'next/*', 'react', 'react-dom', 'react/*'];
const database = ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*', 'pg-boss'];
const io = [
  'node:fs',
  'node:net',
  'node:http',
  'node:https',
  'node:child_process',
  'fs',
  'net',
  'http',
  'https',
];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.data/**',
      'dist/**',
      'drizzle/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  // The dependency direction of DESIGN §1, as lint errors.
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      ...restrict(
        [...serverOnly, ...frameworks, ...database, ...io, '@/lib/contracts/*', 'zod'],
        'lib/domain is pure: no framework, database, env, I/O or contracts.',
      ),
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'lib/domain never reads the clock: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'lib/domain never reads the clock: take `now` as a parameter.',
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'lib/domain never reads process or env.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'lib/domain is deterministic.',
        },
      ],
    },
  },
  {
    files: ['lib/contracts/**/*.ts'],
    ...{
      rules: restrict(
        [...serverOnly, ...frameworks, ...database, ...io],
        'lib/contracts is shared by server and client.',
      ),
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict(
      [...serverOnly, ...database],
      'components receive data as props; they never import lib/server.',
    ),
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: restrict(
      [...database, '@/lib/server/db/*', '@/lib/server/queries/*'],
      'app/ is routing only: call a service from lib/server/services.',
    ),
  },
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings through env() from lib/env.ts.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Polling helpers take async checks whether or not a given check awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
