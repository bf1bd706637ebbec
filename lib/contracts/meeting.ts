import { z } from 'zod';
import { unknownTemplateVariables, templateVariables } from '@/lib/domain/templates/render';
import {
  dateSchema,
  emailSchema,
  endTimeOfDaySchema,
  minutesOfDay,
  nameSchema,
  optionalText,
  timeOfDaySchema,
  timeZoneSchema,
} from './common';

/** Meeting participants and configuration: shared by conversations and meeting templates. */

export const videoProviders = ['Google Meet', 'Microsoft Teams'] as const;
export type VideoProvider = (typeof videoProviders)[number];

export const timeSlotSchema = z
  .object({ date: dateSchema, startTime: timeOfDaySchema, endTime: endTimeOfDaySchema })
  .superRefine((slot, ctx) => {
    if (minutesOfDay(slot.endTime) <= minutesOfDay(slot.startTime)) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'must be after startTime' });
    }
  });

export const availabilitySchema = z.object({
  timezone: timeZoneSchema,
  timeSlots: z.array(timeSlotSchema).min(1, 'must contain at least one time slot').max(1000),
});

export const availabilityMethods = ['COLLECTIVE', 'ROUND_ROBIN'] as const;
export type AvailabilityMethod = (typeof availabilityMethods)[number];

/** Round robin pools hold 2 to 10 interviewers (DESIGN §3). */
export const ROUND_ROBIN_MIN = 2;
export const ROUND_ROBIN_MAX = 10;

export const availabilityMethodSchema = z.enum(availabilityMethods).meta({
  description:
    'COLLECTIVE (default): everyone attends and the intersection of their free time is offered. ROUND_ROBIN (2–10 participants, no organizer needed): a start is offered when one of them is free, and the booking assigns the free one with the fewest meetings in the organization over the next 14 days, ties by least recently booked.',
});

const loadLimitSchema = (max: number, unit: string) =>
  z
    .number()
    .int('must be a whole number')
    .min(1)
    .max(max)
    .nullish()
    .transform((v) => v ?? null)
    .meta({
      description: `At most this many live meetings per ${unit} with this participant, across every conversation of the organization, in the meeting zone's ${unit === 'day' ? 'dates' : 'ISO weeks'}`,
    });

export const meetingParticipantInputSchema = z.object({
  name: nameSchema(200),
  email: emailSchema,
  isOrganizer: z.boolean().default(false),
  isCalendarConnected: z.boolean().default(false),
  availability: availabilitySchema.nullish(),
  autoCollectAvailability: z.boolean().default(false),
  maxMeetingsPerDay: loadLimitSchema(50, 'day'),
  maxMeetingsPerWeek: loadLimitSchema(250, 'week'),
});
export type MeetingParticipantInput = z.input<typeof meetingParticipantInputSchema>;

export const meetingParticipantsInputSchema = z
  .array(meetingParticipantInputSchema)
  .min(1, 'must contain at least one participant')
  .max(50)
  .superRefine((participants, ctx) => {
    const collectors = participants.filter((p) => p.autoCollectAvailability).length;
    if (collectors > 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'at most one participant may have autoCollectAvailability: true',
      });
    }
    const seen = new Set<string>();
    participants.forEach((p, i) => {
      if (seen.has(p.email)) {
        ctx.addIssue({ code: 'custom', path: [i, 'email'], message: 'is listed twice' });
      }
      seen.add(p.email);
      if (p.isCalendarConnected && p.autoCollectAvailability) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'autoCollectAvailability'],
          message: 'cannot be true for a calendar-connected participant',
        });
      } else if (p.isCalendarConnected && p.availability) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'availability'],
          message:
            'is taken from the connected calendar; remove it or set isCalendarConnected: false',
        });
      } else if (p.autoCollectAvailability && p.availability) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'availability'],
          message: 'cannot be given together with autoCollectAvailability: true',
        });
      } else if (!p.isCalendarConnected && !p.autoCollectAvailability && !p.availability) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'availability'],
          message:
            'is required when the participant is not calendar-connected and autoCollectAvailability is not true',
        });
      }
    });
  });

type Issue = { path: (string | number)[]; message: string };

/**
 * What the availability method asks of the participants (DESIGN §3): COLLECTIVE exactly one
 * organizer; ROUND_ROBIN 2–10 participants and at most one organizer (the assigned interviewer
 * hosts). Paths are relative to `meetingParticipants`; shared by the schemas and the services
 * that combine a patch with what is stored.
 */
export function participantMethodIssues(
  participants: {
    isOrganizer: boolean;
    maxMeetingsPerDay?: number | null;
    maxMeetingsPerWeek?: number | null;
  }[],
  method: AvailabilityMethod,
): Issue[] {
  const issues: Issue[] = [];
  const organizers = participants.filter((p) => p.isOrganizer).length;
  if (method === 'ROUND_ROBIN') {
    if (participants.length < ROUND_ROBIN_MIN || participants.length > ROUND_ROBIN_MAX) {
      issues.push({
        path: [],
        message: `must contain ${ROUND_ROBIN_MIN} to ${ROUND_ROBIN_MAX} participants with availabilityMethod ROUND_ROBIN (found ${participants.length})`,
      });
    }
    if (organizers > 1) {
      issues.push({
        path: [],
        message: `at most one participant may have isOrganizer: true with availabilityMethod ROUND_ROBIN (found ${organizers})`,
      });
    }
  } else if (organizers !== 1) {
    issues.push({
      path: [],
      message: `exactly one participant must have isOrganizer: true (found ${organizers})`,
    });
  }
  participants.forEach((p, i) => {
    if (
      typeof p.maxMeetingsPerDay === 'number' &&
      typeof p.maxMeetingsPerWeek === 'number' &&
      p.maxMeetingsPerWeek < p.maxMeetingsPerDay
    ) {
      issues.push({
        path: [i, 'maxMeetingsPerWeek'],
        message: 'must not be below maxMeetingsPerDay',
      });
    }
  });
  return issues;
}

/** superRefine of an object holding `meetingParticipants` and `availabilityMethod`. */
export function refineParticipantMethod(
  value: {
    meetingParticipants?: Parameters<typeof participantMethodIssues>[0] | undefined;
    availabilityMethod?: AvailabilityMethod | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (!value.meetingParticipants) return;
  for (const issue of participantMethodIssues(
    value.meetingParticipants,
    value.availabilityMethod ?? 'COLLECTIVE',
  )) {
    ctx.addIssue({
      code: 'custom',
      path: ['meetingParticipants', ...issue.path],
      message: issue.message,
    });
  }
}

export const meetingParticipantSchema = z
  .object({
    name: z.string(),
    email: z.string(),
    isOrganizer: z.boolean(),
    isCalendarConnected: z.boolean(),
    availability: z
      .object({
        timezone: z.string(),
        timeSlots: z.array(
          z.object({ date: z.string(), startTime: z.string(), endTime: z.string() }),
        ),
      })
      .nullable(),
    autoCollectAvailability: z.boolean(),
    maxMeetingsPerDay: z.number().int().nullable(),
    maxMeetingsPerWeek: z.number().int().nullable(),
  })
  .meta({ id: 'MeetingParticipant' });
export type MeetingParticipant = z.infer<typeof meetingParticipantSchema>;

const openHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(0, 'must be 0 (Sunday) to 6').max(6, 'must be 0 (Sunday) to 6'))
      .min(1, 'must contain at least one weekday')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday'),
    start: timeOfDaySchema,
    end: endTimeOfDaySchema,
  })
  .superRefine((window, ctx) => {
    if (minutesOfDay(window.end) <= minutesOfDay(window.start)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    }
  });

const titleSchema = nameSchema(300).superRefine((title, ctx) => {
  const unknown = unknownTemplateVariables(title);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown variable ${unknown.map((u) => `{{${u}}}`).join(', ')}; use ${templateVariables
        .map((v) => `{{${v}}}`)
        .join(', ')}`,
    });
  }
});

export const meetingConfigurationInputSchema = z
  .object({
    title: titleSchema,
    description: optionalText(5000),
    duration: z.number().int('must be a whole number of minutes').min(1).max(1440),
    timezone: timeZoneSchema,
    videoConferencing: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullish(),
    location: optionalText(500),
    openHours: z.array(openHoursSchema).min(1, 'must contain at least one window').max(50),
    bufferMinutes: z
      .number()
      .int()
      .min(0)
      .max(120)
      .refine((v) => v % 5 === 0, 'must be a multiple of 5')
      .default(0),
    minimumNoticeMinutes: z.number().int().min(0).max(525600).default(0),
    bookingHorizonDays: z.number().int().min(1).max(365).default(30),
    reminderMinutesBefore: z.number().int().min(0).max(10080).default(1440),
    slotInterval: z.number().int().min(5).max(720).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.videoConferencing && !config.videoConferencingProvider) {
      ctx.addIssue({
        code: 'custom',
        path: ['videoConferencingProvider'],
        message: 'is required when videoConferencing is true',
      });
    }
    if (config.videoConferencing && config.location) {
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'cannot be set when videoConferencing is true',
      });
    }
  })
  .transform((config) => ({
    ...config,
    videoConferencingProvider: config.videoConferencing
      ? (config.videoConferencingProvider ?? null)
      : null,
    slotInterval: config.slotInterval ?? (config.duration >= 30 ? 30 : 15),
  }));

export type MeetingConfigurationInput = z.input<typeof meetingConfigurationInputSchema>;

export const meetingConfigurationSchema = z
  .object({
    title: z.string(),
    description: z.string().nullable(),
    duration: z.number().int(),
    timezone: z.string(),
    videoConferencing: z.boolean(),
    videoConferencingProvider: z.enum(videoProviders).nullable(),
    location: z.string().nullable(),
    openHours: z.array(
      z.object({ days: z.array(z.number().int()), start: z.string(), end: z.string() }),
    ),
    bufferMinutes: z.number().int(),
    minimumNoticeMinutes: z.number().int(),
    bookingHorizonDays: z.number().int(),
    reminderMinutesBefore: z.number().int(),
    slotInterval: z.number().int(),
  })
  .meta({ id: 'MeetingConfiguration' });
export type MeetingConfiguration = z.infer<typeof meetingConfigurationSchema>;

export function toParticipant(
  p: z.output<typeof meetingParticipantInputSchema>,
): MeetingParticipant {
  return {
    name: p.name,
    email: p.email,
    isOrganizer: p.isOrganizer,
    isCalendarConnected: p.isCalendarConnected,
    availability: p.availability ?? null,
    autoCollectAvailability: p.autoCollectAvailability,
    maxMeetingsPerDay: p.maxMeetingsPerDay,
    maxMeetingsPerWeek: p.maxMeetingsPerWeek,
  };
}

/**
 * The documented field order of a stored configuration (jsonb keeps keys in its own order), built
 * directly: responses must not pay for a schema parse of data the API validated on the way in.
 */
export function orderedConfiguration(c: MeetingConfiguration): MeetingConfiguration {
  return {
    title: c.title,
    description: c.description,
    duration: c.duration,
    timezone: c.timezone,
    videoConferencing: c.videoConferencing,
    videoConferencingProvider: c.videoConferencingProvider,
    location: c.location,
    openHours: c.openHours.map((w) => ({ days: w.days, start: w.start, end: w.end })),
    bufferMinutes: c.bufferMinutes,
    minimumNoticeMinutes: c.minimumNoticeMinutes,
    bookingHorizonDays: c.bookingHorizonDays,
    reminderMinutesBefore: c.reminderMinutesBefore,
    slotInterval: c.slotInterval,
  };
}

export function orderedParticipant(p: MeetingParticipant): MeetingParticipant {
  return {
    name: p.name,
    email: p.email,
    isOrganizer: p.isOrganizer,
    isCalendarConnected: p.isCalendarConnected,
    availability: p.availability && {
      timezone: p.availability.timezone,
      timeSlots: p.availability.timeSlots.map((s) => ({
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
      })),
    },
    autoCollectAvailability: p.autoCollectAvailability,
    // Templates stored before load limits existed have none.
    maxMeetingsPerDay: p.maxMeetingsPerDay ?? null,
    maxMeetingsPerWeek: p.maxMeetingsPerWeek ?? null,
  };
}
