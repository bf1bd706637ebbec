import 'server-only';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  clarificationEmail,
  confirmationEmail,
} from '@/lib/domain/availability/availability-messages';
import { parseAvailability } from '@/lib/domain/availability/parse-availability';
import { localDateOf } from '@/lib/domain/slots/wall-clock';
import { queueMessages } from '@/lib/server/channels/queue-messages';
import type { Db } from '@/lib/server/db/client';
import { availabilityRequests, userCalendars } from '@/lib/server/db/schema/calendars';
import { messages } from '@/lib/server/db/schema/conversations';
import { newId } from '@/lib/server/ids';
import {
  availabilityFormUrl,
  findCollectingConversations,
  type AvailabilityRequestRow,
  type CollectorCalendarRow,
} from './availability-requests';
import { collectorOf } from './run-availability-requests';
import { saveAvailability } from './save-availability';

export type AvailabilityReplyOutcome = {
  status: 'AVAILABILITY_SAVED' | 'AVAILABILITY_UNREADABLE' | 'DUPLICATE';
  requestId: string;
};

/** The request an email answers: by its reply address, the Message-ID it answers, or its sender. */
export async function matchAvailabilityRequest(
  db: Db,
  email: { recipients: string[]; inReplyTo: string[]; from: string | null },
  ourMessageIds: string[],
): Promise<{ request: AvailabilityRequestRow; calendar: CollectorCalendarRow } | null> {
  const tokens = email.recipients.flatMap((r) => /^avail\+([0-9a-f]{32})@/.exec(r)?.[1] ?? []);
  const select = () =>
    db
      .select({ request: availabilityRequests, calendar: userCalendars })
      .from(availabilityRequests)
      .innerJoin(
        userCalendars,
        and(
          eq(userCalendars.id, availabilityRequests.userCalendarId),
          eq(userCalendars.organizationId, availabilityRequests.organizationId),
        ),
      );
  if (tokens.length > 0) {
    const [row] = await select().where(inArray(availabilityRequests.token, tokens)).limit(1);
    if (row) return row;
  }
  if (ourMessageIds.length > 0) {
    const [message] = await db
      .select({ requestId: messages.availabilityRequestId })
      .from(messages)
      .where(and(inArray(messages.id, ourMessageIds), eq(messages.direction, 'OUTBOUND')))
      .limit(1);
    if (message?.requestId) {
      const [row] = await select().where(eq(availabilityRequests.id, message.requestId)).limit(1);
      if (row) return row;
    }
  }
  if (email.from) {
    // A person asked for times who writes from the address we asked: their open request.
    const [row] = await select()
      .where(
        and(
          eq(userCalendars.email, email.from.toLowerCase()),
          eq(availabilityRequests.status, 'OPEN'),
        ),
      )
      .orderBy(desc(availabilityRequests.createdAt))
      .limit(1);
    if (row) return row;
  }
  return null;
}

/**
 * A reply to an availability request (DESIGN §8): recorded once, read by parse-availability in the
 * zone it names (else the person's, else the meeting's), saved like the form does, and answered
 * with what was understood. A reply with nothing readable gets one clarification.
 */
export async function receiveAvailabilityReply(
  db: Db,
  params: {
    request: AvailabilityRequestRow;
    calendar: CollectorCalendarRow;
    text: string;
    from: string;
    to: string;
    subject: string | null;
    transport: string;
    providerMessageId: string | null;
    now: Date;
  },
): Promise<AvailabilityReplyOutcome> {
  const { request, calendar, now } = params;
  const recorded = await db
    .insert(messages)
    .values({
      id: newId(),
      organizationId: request.organizationId,
      conversationId: null,
      availabilityRequestId: request.id,
      direction: 'INBOUND',
      author: 'HUMAN',
      channel: 'EMAIL',
      toAddress: params.to,
      fromAddress: params.from,
      subject: params.subject,
      body: params.text,
      transport: params.transport,
      providerMessageId: params.providerMessageId,
      status: 'RECEIVED',
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (recorded.length === 0) return { status: 'DUPLICATE', requestId: request.id };

  const waiting = await findCollectingConversations(db, {
    organizationId: request.organizationId,
    email: calendar.email,
    statuses: ['AWAITING_AVAILABILITY', 'LINK_SENT', 'NO_AVAILABILITY'],
  });
  const collector = await collectorOf(
    db,
    calendar,
    waiting.map((w) => w.conversationId),
  );
  const zone = collector.timezone;
  // Answered in the language the reply is written in; one of only numbers, in the request's.
  const parsed = parseAvailability({
    text: params.text,
    timezone: zone,
    referenceDate: localDateOf(zone, now.getTime()),
    fallbackLanguage: collector.language,
  });
  const { language } = parsed;
  const reply = (email: { subject: string; body: string }) =>
    queueMessages(
      db,
      [
        {
          organizationId: request.organizationId,
          conversationId: null,
          availabilityRequestId: request.id,
          channel: 'EMAIL',
          to: calendar.email,
          ...email,
        },
      ],
      now,
    );
  const formUrl = availabilityFormUrl(request.token);
  if (parsed.timeSlots.length === 0) {
    // One clarification per request: a second unreadable reply waits for a person.
    const [clarified] = await db
      .update(availabilityRequests)
      .set({ clarifiedAt: now, updatedAt: now })
      .where(and(eq(availabilityRequests.id, request.id), isNull(availabilityRequests.clarifiedAt)))
      .returning({ id: availabilityRequests.id });
    if (clarified)
      await reply(clarificationEmail({ name: calendar.name, timezone: zone, formUrl, language }));
    return { status: 'AVAILABILITY_UNREADABLE', requestId: request.id };
  }
  const saved = await saveAvailability(db, {
    organizationId: request.organizationId,
    userCalendarId: calendar.id,
    timezone: parsed.timezone,
    timeSlots: parsed.timeSlots,
    now,
  });
  await reply(
    confirmationEmail({
      name: calendar.name,
      timezone: parsed.timezone,
      slots: parsed.timeSlots,
      released: saved?.released ?? 0,
      formUrl,
      unparsed: parsed.unparsed,
      language,
    }),
  );
  return { status: 'AVAILABILITY_SAVED', requestId: request.id };
}
