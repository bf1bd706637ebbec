import { startFakeMicrosoft, type FakeMicrosoft } from './fake-microsoft';

const store = globalThis as typeof globalThis & { __parleyFakeMicrosoft?: Promise<FakeMicrosoft> };

/**
 * The HTTP suite's local Microsoft (fake-microsoft.ts), started before the app reads its settings
 * (test/support/setup-app.ts): MICROSOFT_* point at it for the whole run, so Microsoft is a
 * configured provider there (Teams needs the organizer's Microsoft connection, DESIGN §6).
 */
export function suiteMicrosoft(): Promise<FakeMicrosoft> {
  store.__parleyFakeMicrosoft ??= startFakeMicrosoft().then((fake) => {
    fake.unref();
    Object.assign(process.env, fake.env);
    return fake;
  });
  return store.__parleyFakeMicrosoft;
}
