import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // Route handlers and services import 'server-only'; in tests they run on the server anyway.
  'server-only': path.join(root, 'test/support/server-only.ts'),
};

/** One project per database, each with a real Next.js server in the test process. */
const apiProject = (name: string, database: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name,
    include: ['test/http/**/*.int.test.ts', 'lib/**/*.int.test.ts'],
    environment: 'node',
    env: { PARLEY_TEST_DB: database },
    globalSetup: ['test/support/global-setup.ts', 'test/support/tls-setup.ts'],
    setupFiles: ['test/support/setup-app.ts'],
    pool: 'forks' as const,
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          globalSetup: ['test/support/tls-setup.ts'],
        },
      },
      apiProject('api-pglite', 'pglite'),
      apiProject('api-postgres', 'postgres'),
    ],
  },
});
