import { z } from 'zod';
import { idSchema, instantSchema, optionalText } from './common';

/** The recruiter cancels a meeting from the dashboard (the API's `POST /v1/meetings/{id}/cancel`). */
export const cancelMeetingFormSchema = z.object({
  meetingId: idSchema,
  reason: optionalText(1000),
});

/** The recruiter moves a meeting to an offered start (the API's `…/reschedule`). */
export const rescheduleMeetingFormSchema = z.object({
  meetingId: idSchema,
  start: instantSchema,
});

/** One upcoming meeting of the agenda (instants as ISO strings; names only, never addresses). */
export type AgendaItem = {
  id: string;
  conversationId: string;
  title: string;
  candidate: string;
  start: string;
  end: string;
  timezone: string;
  place: string | null;
  meetingUrl: string | null;
  isDevelopmentRoom: boolean;
  interviewers: string[];
};
