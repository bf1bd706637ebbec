import { relations } from 'drizzle-orm';
import { campaigns } from './campaigns';
import { conversationParticipants, conversations, participantTimeSlots } from './conversations';
import { meetingAttendees, meetings } from './meetings';

/**
 * How the aggregates hang together, for drizzle's relational queries: they load a conversation
 * with its participants, time slots and meetings in one SQL statement (one round trip).
 */
export const conversationRelations = relations(conversations, ({ one, many }) => ({
  campaign: one(campaigns, { fields: [conversations.campaignId], references: [campaigns.id] }),
  participants: many(conversationParticipants),
  meetings: many(meetings),
}));

export const participantRelations = relations(conversationParticipants, ({ one, many }) => ({
  conversation: one(conversations, {
    fields: [conversationParticipants.conversationId],
    references: [conversations.id],
  }),
  timeSlots: many(participantTimeSlots),
}));

export const timeSlotRelations = relations(participantTimeSlots, ({ one }) => ({
  participant: one(conversationParticipants, {
    fields: [participantTimeSlots.participantId],
    references: [conversationParticipants.id],
  }),
}));

export const meetingRelations = relations(meetings, ({ one, many }) => ({
  conversation: one(conversations, {
    fields: [meetings.conversationId],
    references: [conversations.id],
  }),
  attendees: many(meetingAttendees),
}));

export const attendeeRelations = relations(meetingAttendees, ({ one }) => ({
  meeting: one(meetings, { fields: [meetingAttendees.meetingId], references: [meetings.id] }),
}));
