import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DeferredAction } from '@/lib/domain/agent/agent-replies';
import { nearestStarts } from '@/lib/domain/agent/nearest-starts';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { env } from '@/lib/env';
import { enqueueJob } from '@/lib/server/jobs/enqueue';
import { log } from '@/lib/server/log';
import { findBookingLink } from '@/lib/server/queries/booking-link';
import { findConversationCampaign } from '@/lib/server/queries/campaigns';
import type { ConversationRow } from '@/lib/server/queries/conversations';
import { horizonOf } from '@/lib/server/services/booking/availability-status';
import { bookSlot } from '@/lib/server/services/booking/book-slot';
import { cancelBooking } from '@/lib/server/services/booking/cancel-booking';
import { offeredStarts } from '@/lib/server/services/booking/get-slots';
import { rescheduleBooking } from '@/lib/server/services/booking/reschedule-booking';
import { decide } from '@/lib/server/services/conversations/conversation-state';
import { applyTransition, queueAgentMessages, type AgentCampaign } from './apply-transition';
import { replyZone } from './send-window';

/**
 * A reply that books, moves or cancels commits first; the action runs right after, through the
 * booking services (the same races and 409s as the booking page). So that a process dying in
 * between loses nothing, the reply's transaction also stores the action on the conversation and
 * adds a job that runs it later if it is still there: whoever finishes it clears it, in the
 * transaction that queues the messages about it.
 */
export async function holdReplyAction(
  tx: Db,
  params: {
    conversation: Pick<ConversationRow, 'organizationId' | 'id'>;
    messageId: string;
    action: DeferredAction;
  },
): Promise<void> {
  const { conversation, messageId } = params;
  await tx
    .update(conversations)
    .set({ pendingReplyAction: { messageId, action: params.action } })
    .where(ownRow(conversation));
  await enqueueJob(
    tx,
    'conversations.reply-action',
    { organizationId: conversation.organizationId, conversationId: conversation.id, messageId },
    { startAfter: recoveryDelaySeconds() },
  );
}

/**
 * When the job looks: well after the run right after the commit has finished, even with every
 * calendar answering at the last moment of its timeout (the fresh check before booking, then
 * the nearest starts after a refusal).
 */
export function recoveryDelaySeconds(): number {
  return 15 + Math.ceil((2 * env().PARLEY_CALENDAR_TIMEOUT_MS) / 1000);
}

/** The job: runs a reply's action that is still pending (its process died), else nothing. */
export async function resumeReplyAction(
  db: Db,
  params: { organizationId: string; conversationId: string; messageId: string; now: Date },
): Promise<void> {
  const { now } = params;
  const [conversation] = await db
    .select()
    .from(conversations)
    .where(ownRow({ organizationId: params.organizationId, id: params.conversationId }))
    .limit(1);
  const pending = conversation?.pendingReplyAction;
  if (!conversation || pending?.messageId !== params.messageId) return;
  const campaign = await findConversationCampaign(db, conversation);
  if (!campaign) return;
  log.info('running a reply’s action after a restart', {
    conversationId: conversation.id,
    action: pending.action.type,
  });
  await runReplyAction(db, {
    conversation,
    campaign,
    messageId: pending.messageId,
    action: pending.action,
    zone: replyZone(conversation),
    now,
    resumed: true,
  });
}

/** What a reply is read against: the starts offered now, the candidate's zone, the meeting. */
export async function replyContext(
  db: Db,
  conversation: ConversationRow,
  now: Date,
): Promise<{ zone: string; offered: number[]; meetingStart: number | null }> {
  const zone = replyZone(conversation);
  if (!conversation.bookingToken || !conversation.meetingConfiguration)
    return { zone, offered: [], meetingStart: null };
  const link = await findBookingLink(db, conversation.bookingToken);
  if (!link) return { zone, offered: [], meetingStart: null };
  const offered = await offeredStarts(
    db,
    link,
    horizonOf(link.conversation.meetingConfiguration, now),
    now.getTime(),
  );
  const meetingStart = link.meeting?.status === 'SCHEDULED' ? link.meeting.startAt.getTime() : null;
  return { zone, offered, meetingStart };
}

type RunParams = {
  conversation: ConversationRow;
  campaign: AgentCampaign;
  messageId: string;
  action: DeferredAction;
  zone: string;
  now: Date;
  /**
   * Run by the job: what the first run may already have done before its process died (the
   * meeting booked, moved or cancelled, its messages not yet queued) is not done twice.
   */
  resumed?: boolean;
};

/** The booking, move or cancel a reply asked for, after its transaction committed. */
export async function runReplyAction(db: Db, params: RunParams): Promise<void> {
  const { conversation, campaign, action, zone, now } = params;
  const token = conversation.bookingToken;
  if (!token) {
    await db.transaction((tx) => clearReplyAction(tx, params));
    return;
  }
  // The booking's own invitation already answers on the conversation's channel when it goes by
  // email to an email candidate, or by text to a candidate without email (meetings/invites.ts).
  const invited = campaign.channel === 'EMAIL' || !conversation.emailAddress;
  const done = params.resumed ? await alreadyDone(db, token, action) : false;
  try {
    if (action.type === 'BOOK') {
      if (!done) await bookSlot(db, { token, start: new Date(action.start), timezone: zone, now });
      await confirm(db, params, [
        ...action.then,
        ...(invited ? [] : [{ kind: 'BOOKED' as const, start: action.start }]),
      ]);
    } else if (action.type === 'RESCHEDULE') {
      if (!done) await rescheduleBooking(db, { token, start: new Date(action.start), now });
      await confirm(db, params, [
        ...action.then,
        ...(invited ? [] : [{ kind: 'MOVED' as const, start: action.start }]),
      ]);
    } else {
      if (!done)
        await cancelBooking(db, { token, reason: 'Cancelled by the candidate’s reply.', now });
      await confirm(db, params, action.then);
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    log.info('a booking by reply was refused', {
      conversationId: conversation.id,
      code: error.code,
    });
    if (action.type === 'CANCEL_MEETING')
      await db.transaction((tx) => clearReplyAction(tx, params));
    else await refused(db, { ...params, wanted: action.start, wasBooking: action.type === 'BOOK' });
  }
}

/** Whether the meeting already is what the action asked for. */
async function alreadyDone(db: Db, token: string, action: DeferredAction): Promise<boolean> {
  const meeting = (await findBookingLink(db, token))?.meeting;
  if (action.type === 'CANCEL_MEETING') return meeting?.status !== 'SCHEDULED';
  return meeting?.status === 'SCHEDULED' && meeting.startAt.getTime() === action.start;
}

async function confirm(
  db: Db,
  params: RunParams,
  list: Parameters<typeof queueAgentMessages>[1]['messages'],
): Promise<void> {
  await db.transaction(async (tx) => {
    // Cleared by another run meanwhile (the job, a first run that was only slow): said already.
    if (!(await clearReplyAction(tx, params))) return;
    await queueAgentMessages(tx, {
      conversation: params.conversation,
      campaign: params.campaign,
      messages: list,
      now: params.now,
    });
  });
}

/**
 * The start was taken meanwhile (or the page booked first): the machine proposes the nearest
 * starts still offered. When the conversation got its meeting another way, nothing is said.
 */
async function refused(
  db: Db,
  params: RunParams & { wanted: number; wasBooking: boolean },
): Promise<void> {
  const { campaign, now } = params;
  const context = await replyContext(db, params.conversation, now);
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(conversations)
      .where(ownRow(params.conversation))
      .for('update')
      .limit(1);
    if (!locked || !(await clearReplyAction(tx, params))) return;
    // Booked meanwhile (the page won the race): the page's confirmation is the answer.
    if (params.wasBooking && locked.schedulingStatus === 'SCHEDULED') return;
    const transition = decide(
      locked,
      { type: 'BOOKING_REFUSED', nearest: nearestStarts(context.offered, params.wanted, 3) },
      { maxNudges: campaign.nudgeCount },
    );
    await applyTransition(tx, { conversation: locked, campaign, transition, now });
  });
}

/** Clears the action when it is still this reply's; false when another run finished it. */
async function clearReplyAction(
  tx: Db,
  params: Pick<RunParams, 'conversation' | 'messageId'>,
): Promise<boolean> {
  const cleared = await tx
    .update(conversations)
    .set({ pendingReplyAction: null })
    .where(
      and(
        ownRow(params.conversation),
        sql`${conversations.pendingReplyAction}->>'messageId' = ${params.messageId}`,
      ),
    )
    .returning({ id: conversations.id });
  return cleared.length > 0;
}

function ownRow(conversation: Pick<ConversationRow, 'organizationId' | 'id'>) {
  return and(
    eq(conversations.organizationId, conversation.organizationId),
    eq(conversations.id, conversation.id),
  );
}
