import 'server-only';
import { env } from '@/lib/env';

/** The OAuth providers the sign-in page offers: those whose credentials are set. */
export function signInProviders(): { id: string; name: string }[] {
  const settings = env();
  return [
    ...(settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET
      ? [{ id: 'google', name: 'Google' }]
      : []),
    ...(settings.MICROSOFT_CLIENT_ID && settings.MICROSOFT_CLIENT_SECRET
      ? [{ id: 'azure-ad', name: 'Microsoft' }]
      : []),
  ];
}
