import 'next-auth';

declare module 'next-auth' {
  /** The dashboard's session: next-auth's, with the user's id (lib/server/auth/dashboard-auth.ts). */
  interface Session {
    user: { id: string; email?: string | null; name?: string | null; image?: string | null };
  }
}
