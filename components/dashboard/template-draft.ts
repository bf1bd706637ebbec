import type { AvailabilityMethod } from '@/lib/contracts/meeting';
import type { MeetingTemplate } from '@/lib/contracts/meeting-template';

/**
 * The meeting template form's state: the API's body with every number as typed and a key on each
 * row (React needs stable keys while rows are added and removed). `toTemplateBody` gives the
 * request body the API's schema checks; rows keep their order, so issue paths index the rows.
 */

export type SlotRow = { key: number; date: string; startTime: string; endTime: string };
export type AvailabilityMode = 'slots' | 'auto';
export type ParticipantRow = {
  key: number;
  name: string;
  email: string;
  isOrganizer: boolean;
  isCalendarConnected: boolean;
  mode: AvailabilityMode;
  timezone: string;
  slots: SlotRow[];
  /** Load limits as typed; empty is no limit. */
  maxMeetingsPerDay: string;
  maxMeetingsPerWeek: string;
};
export type OpenHoursRow = { key: number; days: number[]; start: string; end: string };
export type TemplateDraft = {
  name: string;
  availabilityMethod: AvailabilityMethod;
  participants: ParticipantRow[];
  title: string;
  description: string;
  duration: string;
  timezone: string;
  videoConferencing: boolean;
  videoConferencingProvider: string;
  location: string;
  openHours: OpenHoursRow[];
  bufferMinutes: string;
  minimumNoticeMinutes: string;
  bookingHorizonDays: string;
  reminderMinutesBefore: string;
  slotInterval: string;
};

let lastKey = 0;
export const nextKey = () => ++lastKey;

export const newSlot = (): SlotRow => ({
  key: nextKey(),
  date: '',
  startTime: '09:00',
  endTime: '12:00',
});

export const newParticipant = (zone: string, isOrganizer: boolean): ParticipantRow => ({
  key: nextKey(),
  name: '',
  email: '',
  isOrganizer,
  isCalendarConnected: false,
  mode: 'slots',
  timezone: zone,
  slots: [newSlot()],
  maxMeetingsPerDay: '',
  maxMeetingsPerWeek: '',
});

export const newOpenHours = (): OpenHoursRow => ({
  key: nextKey(),
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
});

export function draftOf(template: MeetingTemplate | null, zone: string): TemplateDraft {
  if (!template) {
    return {
      name: '',
      availabilityMethod: 'COLLECTIVE',
      participants: [newParticipant(zone, true)],
      title: 'Interview with {{candidateName}}',
      description: '',
      duration: '30',
      timezone: zone,
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      location: '',
      openHours: [newOpenHours()],
      bufferMinutes: '0',
      minimumNoticeMinutes: '0',
      bookingHorizonDays: '30',
      reminderMinutesBefore: '1440',
      slotInterval: '',
    };
  }
  const c = template.meetingConfiguration;
  return {
    name: template.name,
    availabilityMethod: template.availabilityMethod,
    participants: template.meetingParticipants.map((p) => ({
      key: nextKey(),
      name: p.name,
      email: p.email,
      isOrganizer: p.isOrganizer,
      isCalendarConnected: p.isCalendarConnected,
      mode: p.autoCollectAvailability ? 'auto' : 'slots',
      timezone: p.availability?.timezone ?? c.timezone,
      slots: (p.availability?.timeSlots ?? []).map((s) => ({ key: nextKey(), ...s })),
      maxMeetingsPerDay: p.maxMeetingsPerDay === null ? '' : String(p.maxMeetingsPerDay),
      maxMeetingsPerWeek: p.maxMeetingsPerWeek === null ? '' : String(p.maxMeetingsPerWeek),
    })),
    title: c.title,
    description: c.description ?? '',
    duration: String(c.duration),
    timezone: c.timezone,
    videoConferencing: c.videoConferencing,
    videoConferencingProvider: c.videoConferencingProvider ?? 'Google Meet',
    location: c.location ?? '',
    openHours: c.openHours.map((w) => ({ key: nextKey(), ...w })),
    bufferMinutes: String(c.bufferMinutes),
    minimumNoticeMinutes: String(c.minimumNoticeMinutes),
    bookingHorizonDays: String(c.bookingHorizonDays),
    reminderMinutesBefore: String(c.reminderMinutesBefore),
    slotInterval: String(c.slotInterval),
  };
}

/** A number as typed: empty is "not given" (the API's default), anything else goes as it is. */
function numberOf(value: string): number | string | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

export function toTemplateBody(draft: TemplateDraft) {
  return {
    name: draft.name,
    availabilityMethod: draft.availabilityMethod,
    meetingParticipants: draft.participants.map((p) => ({
      name: p.name,
      email: p.email,
      // Round robin has no organizer: whoever is assigned hosts.
      isOrganizer: draft.availabilityMethod === 'ROUND_ROBIN' ? false : p.isOrganizer,
      isCalendarConnected: p.isCalendarConnected,
      availability:
        !p.isCalendarConnected && p.mode === 'slots'
          ? {
              timezone: p.timezone,
              timeSlots: p.slots.map(({ date, startTime, endTime }) => ({
                date,
                startTime,
                endTime,
              })),
            }
          : null,
      autoCollectAvailability: !p.isCalendarConnected && p.mode === 'auto',
      maxMeetingsPerDay: numberOf(p.maxMeetingsPerDay) ?? null,
      maxMeetingsPerWeek: numberOf(p.maxMeetingsPerWeek) ?? null,
    })),
    meetingConfiguration: {
      title: draft.title,
      description: draft.description.trim() || null,
      duration: numberOf(draft.duration),
      timezone: draft.timezone,
      videoConferencing: draft.videoConferencing,
      videoConferencingProvider: draft.videoConferencing ? draft.videoConferencingProvider : null,
      location: draft.videoConferencing ? null : draft.location.trim() || null,
      openHours: draft.openHours.map(({ days, start, end }) => ({ days, start, end })),
      bufferMinutes: numberOf(draft.bufferMinutes),
      minimumNoticeMinutes: numberOf(draft.minimumNoticeMinutes),
      bookingHorizonDays: numberOf(draft.bookingHorizonDays),
      reminderMinutesBefore: numberOf(draft.reminderMinutesBefore),
      slotInterval: numberOf(draft.slotInterval),
    },
  };
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdays = weekdayNames.map((name, day) => ({ day, name, short: name.slice(0, 3) }));

/** The label of an issue path in the error summary. */
export function templateLabelOf(path: string): string {
  const parts = path.split('.');
  const n = (i: number) => Number(parts[i]) + 1;
  if (path === 'name') return 'Name';
  if (path === 'availabilityMethod') return 'Who attends';
  if (parts[0] === 'meetingParticipants') {
    if (parts.length === 1) return 'Participants';
    const who = `Participant ${n(1)}`;
    if (parts[2] === 'availability' && parts[3] === 'timeSlots' && parts.length > 4) {
      return `${who}, time ${n(4)} ${parts[5] === 'endTime' ? 'end' : parts[5] === 'startTime' ? 'start' : 'date'}`;
    }
    const fields: Record<string, string> = {
      name: 'name',
      email: 'email',
      isOrganizer: 'organizer',
      isCalendarConnected: 'calendar connected',
      availability: 'availability',
      autoCollectAvailability: 'ask by email',
      maxMeetingsPerDay: 'meetings a day at most',
      maxMeetingsPerWeek: 'meetings a week at most',
    };
    return `${who} ${fields[parts[2] ?? ''] ?? parts.slice(2).join(' ')}`.trim();
  }
  if (parts[0] === 'meetingConfiguration') {
    if (parts[1] === 'openHours' && parts.length > 2) {
      const part = parts[3] === 'end' ? 'end' : parts[3] === 'start' ? 'start' : 'days';
      return `Open hours ${n(2)} ${part}`;
    }
    const fields: Record<string, string> = {
      title: 'Meeting title',
      description: 'Description',
      duration: 'Duration',
      timezone: 'Time zone',
      videoConferencing: 'Video',
      videoConferencingProvider: 'Video provider',
      location: 'Location',
      openHours: 'Open hours',
      bufferMinutes: 'Buffer',
      minimumNoticeMinutes: 'Minimum notice',
      bookingHorizonDays: 'Booking horizon',
      reminderMinutesBefore: 'Reminder',
      slotInterval: 'Start every',
    };
    return fields[parts[1] ?? ''] ?? path;
  }
  return path;
}
