import 'server-only';
import { eq } from 'drizzle-orm';
import { requestEmail } from '@/lib/domain/availability/availability-messages';
import { DomainError } from '@/lib/domain/errors';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { Db } from '@/lib/server/db/client';
import { availabilityRequests } from '@/lib/server/db/schema/calendars';
import { requireUserCalendar } from '@/lib/server/services/user-calendars/list-user-calendars';
import {
  availabilityFormUrl,
  ensureAvailabilityRequest,
  findCollectingConversations,
} from './availability-requests';
import { requestContext } from './run-availability-requests';

const DAY = 24 * 3_600_000;

/**
 * A recruiter sends a person's availability request now (the dashboard): their open request, or a
 * new one after an expired or answered one, to every conversation still waiting for them.
 */
export async function resendAvailabilityRequest(
  db: Db,
  params: { organizationId: string; userCalendarId: string; now: Date },
): Promise<{ email: string; formUrl: string }> {
  const { organizationId, now } = params;
  const calendar = await requireUserCalendar(db, { organizationId, id: params.userCalendarId });
  return db.transaction(async (tx) => {
    const waiting = await findCollectingConversations(tx, {
      organizationId,
      email: calendar.email,
      statuses: ['AWAITING_AVAILABILITY', 'NO_AVAILABILITY'],
    });
    if (waiting.length === 0)
      throw new DomainError('conflict', `No conversation is waiting for ${calendar.name}'s times.`);
    const request = (await ensureAvailabilityRequest(tx, {
      organizationId,
      userCalendarId: calendar.id,
      now,
    }))!;
    await queueMessages(
      tx,
      [
        {
          organizationId,
          conversationId: null,
          availabilityRequestId: request.id,
          channel: 'EMAIL',
          to: calendar.email,
          ...requestEmail(
            await requestContext(tx, {
              request,
              calendar,
              conversationIds: waiting.map((w) => w.conversationId),
              reminder: 0,
            }),
          ),
        },
      ],
      now,
    );
    // Sent now: the reminders and the expiry count from this email.
    await tx
      .update(availabilityRequests)
      .set({
        sentAt: now,
        remindersSent: 0,
        nextActionAt: new Date(now.getTime() + DAY),
        updatedAt: now,
      })
      .where(eq(availabilityRequests.id, request.id));
    return { email: calendar.email, formUrl: availabilityFormUrl(request.token) };
  });
}
