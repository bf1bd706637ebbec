import 'server-only';
import { and, eq, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations } from '@/lib/server/db/schema/conversations';
import { meetings } from '@/lib/server/db/schema/meetings';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { queueAgentMessages } from '@/lib/server/services/agent/apply-transition';

/**
 * The candidate's reminder (DESIGN §7): `reminderMinutesBefore` the start, on the campaign's
 * channel, with the link to move the meeting. Scheduled in the booking's (or the move's)
 * transaction for that start; a job whose start is no longer the meeting's, or whose meeting was
 * cancelled, sends nothing — so a moved meeting's reminder moves and a cancelled one's drops.
 */
export async function scheduleReminder(
  tx: Db,
  params: {
    conversation: Pick<ConversationRow, 'organizationId' | 'meetingConfiguration'>;
    meeting: { id: string; startAt: Date };
    now: Date;
  },
): Promise<void> {
  const minutes = params.conversation.meetingConfiguration?.reminderMinutesBefore ?? 0;
  if (minutes <= 0) return;
  const at = new Date(params.meeting.startAt.getTime() - minutes * 60_000);
  // Booked later than the reminder would go: the booking's own confirmation is enough.
  if (at <= params.now) return;
  await enqueueJob(
    tx,
    'meetings.remind',
    {
      organizationId: params.conversation.organizationId,
      meetingId: params.meeting.id,
      startAt: params.meeting.startAt.toISOString(),
    },
    { startAfter: at },
  );
}

/** The `meetings.remind` job: at most one reminder per start, and none for a moved meeting. */
export async function sendMeetingReminder(
  db: Db,
  params: { organizationId: string; meetingId: string; startAt: string; now: Date },
): Promise<boolean> {
  const start = new Date(params.startAt);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(meetings)
      .set({ reminderSentFor: start })
      .where(
        and(
          eq(meetings.organizationId, params.organizationId),
          eq(meetings.id, params.meetingId),
          eq(meetings.status, 'SCHEDULED'),
          eq(meetings.startAt, start),
          or(isNull(meetings.reminderSentFor), ne(meetings.reminderSentFor, start)),
        ),
      )
      .returning({ conversationId: meetings.conversationId, startAt: meetings.startAt });
    if (!claimed) return false;
    const [row] = await tx
      .select({ conversation: conversations, campaign: campaigns })
      .from(conversations)
      .innerJoin(campaigns, eq(campaigns.id, conversations.campaignId))
      .where(
        and(
          eq(conversations.organizationId, params.organizationId),
          eq(conversations.id, claimed.conversationId),
        ),
      )
      .limit(1);
    if (!row) return false;
    const { conversation, campaign } = row;
    // Nothing to a contact who opted out or cannot be reached; nothing while a person has it.
    if (
      conversation.status === 'OPTED_OUT' ||
      conversation.status === 'DELIVERY_FAILED' ||
      conversation.isHumanTakeover
    )
      return false;
    await queueAgentMessages(tx, {
      conversation,
      campaign,
      messages: [{ kind: 'REMINDER', start: claimed.startAt.getTime() }],
      now: params.now,
    });
    return true;
  });
}
