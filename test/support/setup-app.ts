import { beforeAll, inject } from 'vitest';
import { startApp } from './app';

beforeAll(async () => {
  await startApp(inject('databaseUrl'));
  const { ensureBooted } = await import('@/lib/server/boot');
  await ensureBooted();
});
