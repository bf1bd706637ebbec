import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

export const ADMIN_URL =
  process.env.PARLEY_TEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL project gets a fresh database on the local server, dropped after the run.
 * The PGlite project needs nothing here (each run gets a temporary folder).
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (project.config.env?.PARLEY_TEST_DB !== 'postgres') {
    project.provide('databaseUrl', null);
    return;
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  project.provide('databaseUrl', url.toString());
  return async () => {
    const cleanup = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}
