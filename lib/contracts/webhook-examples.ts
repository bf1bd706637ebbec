import { z } from 'zod';
import { envelopeSchema, eventTypes, type EventData, type EventType } from './webhooks';

/**
 * One example payload per event, parsed by the contract schema that types what the app sends:
 * docs/webhooks/ is generated from these (`npm run docs:webhooks`), and a test keeps it current.
 */
const base = {
  organizationId: '01a2132f-0c2e-7a51-9b8e-2f1f6f0c1a01',
  conversationId: '01a2132f-5b7d-7c3e-8f21-6a0b9d2e4c11',
  externalConversationId: 'ats-application-4821',
  campaignId: '01a2132f-1d4a-7e62-a0c3-8b5e7f9d2a21',
  externalCampaignId: 'ats-requisition-77',
};

const meetingDetails = {
  title: 'Backend Engineer interview with Jamie Lee',
  startDateTime: '2026-12-03T15:00:00.000Z',
  endDateTime: '2026-12-03T15:30:00.000Z',
  timezone: 'America/New_York',
  location: null,
  videoConference: true,
  videoConferencingProvider: 'Google Meet' as const,
  meetingUrl: 'https://meet.google.com/abc-defg-hij',
  participants: [
    { email: 'alex.rivera@example.com', name: 'Alex Rivera', isOrganizer: true },
    { email: 'jamie.lee@example.com', name: 'Jamie Lee', isOrganizer: false },
  ],
};

const meeting = { recordId: '01a2133a-77c4-7d10-b2e9-0f3c5d7a9b31', ...base, meetingDetails };

const data: EventData = {
  CALENDAR_MEETING_SCHEDULED: meeting,
  CALENDAR_MEETING_RESCHEDULED: {
    ...meeting,
    meetingDetails: {
      ...meetingDetails,
      startDateTime: '2026-12-04T14:00:00.000Z',
      endDateTime: '2026-12-04T14:30:00.000Z',
    },
    previousMeetingDetails: meetingDetails,
  },
  CALENDAR_MEETING_CANCELLED: {
    ...meeting,
    cancelledBy: 'CANDIDATE',
    cancellationReason: 'I accepted another offer.',
  },
  CALENDAR_MEETING_UPDATED: {
    ...meeting,
    changes: [
      { field: 'attendeeResponse', email: 'alex.rivera@example.com', response: 'ACCEPTED' },
    ],
  },
  CALENDAR_AVAILABILITY_NOT_FOUND: {
    ...base,
    searchedFrom: '2026-11-25T14:00:00.000Z',
    searchedTo: '2026-12-25T14:00:00.000Z',
  },
  CALENDAR_MORE_TIME_REQUESTED: { ...base, message: 'Do you have anything next week?' },
  CONVERSATION_STARTED: { ...base, conversationStatus: 'ONGOING' },
  CONVERSATION_COMPLETED: { ...base, conversationStatus: 'COMPLETED' },
  CONVERSATION_OPTED_OUT: { ...base, conversationStatus: 'OPTED_OUT' },
  CONVERSATION_QUEUED: { ...base, conversationStatus: 'QUEUED' },
  CONVERSATION_NEEDS_REVIEW: {
    ...base,
    conversationStatus: 'ONGOING',
    message: 'Is the role open to remote candidates?',
  },
  CONVERSATION_MAX_NUDGES_REACHED: { ...base, conversationStatus: 'ONGOING', nudgesSent: 2 },
  START_CONVERSATION_FAILED: {
    ...base,
    conversationStatus: 'DELIVERY_FAILED',
    reason: 'The carrier rejected the phone number.',
  },
  CALENDAR_CONNECTION_FAILED: {
    organizationId: base.organizationId,
    email: 'alex.rivera@example.com',
    provider: 'GOOGLE',
    reason:
      'Google refused to refresh the access (invalid_grant): the calendar must be reconnected.',
  },
};

export function webhookExample<K extends EventType>(
  event: K,
): z.infer<ReturnType<typeof envelopeSchema<K>>> {
  return envelopeSchema(event).parse({
    event,
    eventId: `evt_${'0123456789abcdef'.repeat(2)}`,
    eventTimestamp: '2026-11-25T14:00:00.000Z',
    data: data[event],
  });
}

/** File name → content of every file in docs/webhooks/. */
export function webhookDocs(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const event of eventTypes) {
    files[`${event}.json`] = `${JSON.stringify(webhookExample(event), null, 2)}\n`;
    const schema = z.toJSONSchema(envelopeSchema(event), { target: 'draft-2020-12', io: 'output' });
    files[`${event}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
  }
  return files;
}
