import 'server-only';
import { requirePageMember, type DashboardMember } from '@/lib/server/auth/dashboard-session';
import { now as clockNow } from '@/lib/server/clock';
import { getDb, type Db } from '@/lib/server/db/client';

/**
 * What a dashboard page loads, for the signed-in member (or a redirect to sign in): pages stay
 * routing only, and every read is scoped by the member's organization by the service it calls.
 */
export async function loadForPage<T>(
  returnTo: string,
  load: (ctx: { db: Db; now: Date; member: DashboardMember }) => Promise<T>,
): Promise<{ member: DashboardMember; now: Date; data: T }> {
  const member = await requirePageMember(returnTo);
  const now = clockNow();
  return { member, now, data: await load({ db: getDb(), now, member }) };
}
