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

/** `booked`: meetings already booked in Parley with this participant, in any conversation. */
export type SlotParticipant = { freeTime: ParticipantFreeTime; booked: Interval[] };

export type ComputeSlotsInput = {
  rules: SlotRules;
  participants: SlotParticipant[];
  /** Epoch ms; the caller reads the clock, the engine never does. */
  now: number;
  /** Only starts t with range.start <= t < range.end are returned (epoch ms). */
  range: Interval;
  /** Stop after this many starts, e.g. 1 to ask "is anything offered?". */
  limit?: number;
};
