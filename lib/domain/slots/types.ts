/** An instant range in epoch milliseconds, half-open: [start, end). Empty when end <= start. */
export type Interval = { start: number; end: number };

/**
 * A weekly open-hours window in the meeting zone: `days` are weekdays 0–6 (0 = Sunday) of the local
 * date, `start`/`end` are wall-clock "HH:mm" with `end` after `start`; "24:00" is 00:00 of the next date.
 */
export type OpenHoursWindow = { days: number[]; start: string; end: string };

export type SlotRules = {
  /** IANA meeting zone: open hours and the grid are read on its wall clock. */
  timezone: string;
  openHours: OpenHoursWindow[];
  /** Meeting length, minutes, 1..1440. */
  duration: number;
  /** Minutes between offered starts, counted from local midnight, 5..720. */
  slotInterval: number;
  /** Minutes kept free around every booked meeting of a participant, 0..120. */
  bufferMinutes: number;
  minimumNoticeMinutes: number;
  /** 1..365; counted as 24-hour periods from `now`, not calendar days. */
  bookingHorizonDays: number;
};

export type ParticipantFreeTime =
  /** Time slots or an emailed reply, already as instants (unsorted, may overlap or touch). */
  | { kind: 'free'; intervals: Interval[] }
  /** Busy periods of a connected calendar (unsorted, may overlap). */
  | { kind: 'busy'; intervals: Interval[] };

/**
 * Load limits of one participant (DESIGN §4 rule 5): at `maxPerDay` live meetings starting on a
 * local date of the meeting zone, or `maxPerWeek` in an ISO week (Monday 00:00 to Monday 00:00 of
 * that zone's wall clock), the participant is not free at any start of that date or week.
 */
export type ParticipantLoad = {
  maxPerDay?: number | null;
  maxPerWeek?: number | null;
  /**
   * Starts (epoch ms) of the participant's live meetings in the organization; at least those
   * within 8 days of the searched range must be given (others cannot share a date or week).
   */
  meetingStarts: number[];
};

/** `booked`: meetings already booked in Parley with this participant, in any conversation. */
export type SlotParticipant = {
  freeTime: ParticipantFreeTime;
  booked: Interval[];
  load?: ParticipantLoad;
};

/**
 * COLLECTIVE: every participant attends, a start needs all of them free. ROUND_ROBIN: one of the
 * pool is assigned, a start needs at least one free (DESIGN §3, §4).
 */
export type AvailabilityMethod = 'COLLECTIVE' | 'ROUND_ROBIN';

export type ComputeSlotsInput = {
  rules: SlotRules;
  participants: SlotParticipant[];
  /** Defaults to COLLECTIVE. */
  method?: AvailabilityMethod;
  /** Epoch ms; the caller reads the clock, the engine never does. */
  now: number;
  /** Only starts t with range.start <= t < range.end are returned (epoch ms). */
  range: Interval;
  /** Stop after this many starts, e.g. 1 to ask "is anything offered?". */
  limit?: number;
};
