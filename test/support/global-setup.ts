import type { TestProject } from 'vitest/node';
import { freshPostgres } from '../../scripts/lib/app-process';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

/**
 * The PostgreSQL project gets a fresh database on the local server, dropped after the run.
 * The PGlite project needs nothing here (each run gets a temporary folder).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (project.config.env?.PARLEY_TEST_DB !== 'postgres') {
    project.provide('databaseUrl', null);
    return;
  }
  const database = await freshPostgres('parley_test');
  project.provide('databaseUrl', database.url);
  return database.drop;
}
