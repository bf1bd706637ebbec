import { z } from 'zod';
import { isCalendarDate } from '@/lib/domain/time/calendar-date';
import { canonicalTimeZone } from '@/lib/domain/time/zones';

/** Shared field types of the public API. */

// One wording for the commonest mistakes, in every schema that imports this module.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
    if (issue.code === 'invalid_type') {
      const got =
        issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input;
      return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, not ${got}`;
    }
    return undefined;
  },
});

/** What the agent writes and the booking page speaks (DESIGN §3 `language`). */
export const languages = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type Language = (typeof languages)[number];

export const timeZoneSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value.trim());
    if (!zone) {
      ctx.addIssue({ code: 'custom', message: `Unknown IANA time zone "${value}"` });
      return z.NEVER;
    }
    return zone;
  })
  .meta({ description: 'IANA time zone name, e.g. Europe/Paris', example: 'America/New_York' });

export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date')
  .meta({ description: 'Wall-clock date YYYY-MM-DD', example: '2026-03-04' });

export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm between 00:00 and 23:59')
  .meta({ example: '09:00' });

/** End of a wall-clock range: like a time of day, plus "24:00" for the end of the day. */
export const endTimeOfDaySchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:mm between 00:00 and 24:00')
  .meta({ example: '17:00' });

export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export const instantSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO-8601 instant', example: '2026-03-04T14:30:00.000Z' });

export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number such as +14155550123')
  .meta({ example: '+14155550123' });

export const emailSchema = z
  .email('must be a valid email address')
  .max(254)
  .transform((v) => v.toLowerCase())
  .meta({ example: 'jane@example.com' });

export const idSchema = z.uuid('must be a UUID');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a booking token looks like (the credential of the public booking endpoints). */
export const BOOKING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Whether `value` has the shape of Parley's ids (a UUID): anything else names no record. */
export const isId = (value: string): boolean => UUID.test(value);

export const nameSchema = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const paginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });
