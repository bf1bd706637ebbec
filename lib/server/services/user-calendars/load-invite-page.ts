import 'server-only';
import { ensureBooted } from '@/lib/server/boot';
import { isDevCalendarOffered } from '@/lib/server/calendar/dev/dev-offer';
import { findOpenInvite } from '@/lib/server/calendar/invites';
import { configuredProviders } from '@/lib/server/calendar/providers';
import { now } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db/client';

/** What `/connect/invite/{token}` shows: who asks whom, and what can be connected; null if spent. */
export async function loadInvitePage(token: string) {
  await ensureBooted();
  const invite = await findOpenInvite(getDb(), { token, now: now() });
  if (!invite) return null;
  return {
    organizationName: invite.organizationName,
    name: invite.userCalendar.name,
    email: invite.userCalendar.email,
    providers: configuredProviders().map((p) => p.name),
    isDevOffered: isDevCalendarOffered(),
  };
}
