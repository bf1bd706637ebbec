import NextAuth from 'next-auth';
import { ensureBooted } from '@/lib/server/boot';
import { authOptions } from '@/lib/server/auth/dashboard-auth';

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints (sign-in, callbacks, session, sign-out) for the dashboard. */
async function handler(req: Request, context: Context): Promise<Response> {
  await ensureBooted();
  return (await NextAuth(req as never, context as never, authOptions())) as Response;
}

export { handler as GET, handler as POST };
