import { beforeAll, inject } from 'vitest';
import { startApp } from './app';
import { suiteMicrosoft } from './fake-microsoft-suite';

beforeAll(async () => {
  // Microsoft's local server first: the app reads MICROSOFT_* once, at boot.
  await suiteMicrosoft();
  await startApp(inject('databaseUrl'));
  const { ensureBooted } = await import('@/lib/server/boot');
  await ensureBooted();
});
