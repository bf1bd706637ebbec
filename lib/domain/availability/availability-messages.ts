import type { WallTimeSlot } from './time-slots';

/**
 * What Parley writes to a person whose free times it collects (DESIGN §8): the request, its
 * reminders, the confirmation of what a reply was read as, and the one clarification. Pure; the
 * server fills in the counts, roles and links.
 */
export type RequestContext = {
  name: string;
  /** Conversations waiting for this person. */
  waiting: number;
  /** Roles they wait for, most frequent first (may be empty). */
  roles: string[];
  /** The longest meeting they wait for, in minutes. */
  duration: number;
  timezone: string;
  formUrl: string;
  /** Reminders sent before this one (0 = the request itself). */
  reminder: 0 | 1 | 2;
  /** The organization, for the sign-off. */
  organization: string;
};

export type AvailabilityEmail = { subject: string; body: string };

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

function candidates(n: number): string {
  return n === 1 ? 'a candidate is' : `${n} candidates are`;
}

function forRoles(roles: string[]): string {
  if (roles.length === 0) return '';
  if (roles.length === 1) return ` for the ${roles[0]} role`;
  return ` for ${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`;
}

export function requestEmail(context: RequestContext): AvailabilityEmail {
  const who = candidates(context.waiting);
  const subject =
    context.reminder === 0
      ? `When are you free to interview? (${context.waiting} waiting)`
      : context.reminder === 1
        ? `Reminder: ${context.waiting === 1 ? 'a candidate is' : `${context.waiting} candidates are`} waiting for your times`
        : `Last reminder: your interview times are needed`;
  const opening =
    context.reminder === 0
      ? `${who[0]!.toUpperCase()}${who.slice(1)} waiting to book a ${context.duration}-minute interview with you${forRoles(context.roles)}.`
      : context.reminder === 1
        ? `${who[0]!.toUpperCase()}${who.slice(1)} still waiting for a ${context.duration}-minute interview with you${forRoles(context.roles)}.`
        : `${who[0]!.toUpperCase()}${who.slice(1)} still waiting${forRoles(context.roles)}. Without your times by tomorrow, we will tell the recruiting team that no time could be found.`;
  const body = [
    `Hi ${firstName(context.name)},`,
    opening,
    `Reply to this email with the times you are free over the next two weeks, in your own words, for example:`,
    `    Mon–Wed 9–12, Thu after 2pm`,
    `Times are read in ${context.timezone} unless you name another zone ("10–12 London time").`,
    `Or mark them on a calendar: ${context.formUrl}`,
    `Every waiting candidate gets a booking link as soon as your times are in.`,
    `— ${context.organization}, via Parley`,
  ].join('\n\n');
  return { subject, body };
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/**
 * When the times were saved, on the person's clock: "Fri 4 Dec, 08:10". The zone is explicit, so
 * the server's rendering and the browser's agree whatever the machine's own zone.
 */
export function describeSavedAt(iso: string, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  })
    .format(new Date(iso))
    .replace(/^(\w+),/, '$1');
}

/** "Mon 7 Dec: 09:00–12:00, 14:00–17:00" lines, one per date. */
export function describeSlots(slots: WallTimeSlot[]): string[] {
  const byDate = new Map<string, string[]>();
  for (const slot of slots) {
    const list = byDate.get(slot.date) ?? [];
    list.push(`${slot.startTime}–${slot.endTime}`);
    byDate.set(slot.date, list);
  }
  return [...byDate].map(
    ([date, ranges]) =>
      `${WEEKDAY.format(new Date(`${date}T12:00:00Z`)).replace(',', '')}: ${ranges.join(', ')}`,
  );
}

export function confirmationEmail(context: {
  name: string;
  timezone: string;
  slots: WallTimeSlot[];
  released: number;
  formUrl: string;
  unparsed: string[];
}): AvailabilityEmail {
  const lines = [
    `Hi ${firstName(context.name)},`,
    `Thank you. This is what I understood (${context.timezone}):`,
    describeSlots(context.slots)
      .map((line) => `    ${line}`)
      .join('\n'),
  ];
  if (context.unparsed.length > 0)
    lines.push(`I could not read: ${context.unparsed.map((u) => `"${u}"`).join('; ')}.`);
  lines.push(
    context.released > 0
      ? `${context.released === 1 ? 'The waiting candidate has' : `The ${context.released} waiting candidates have`} been sent a booking link.`
      : `Candidates will be offered these times.`,
    `Something wrong? Correct it here: ${context.formUrl} (or reply again with your times).`,
  );
  return { subject: 'Your interview times are saved', body: lines.join('\n\n') };
}

export function clarificationEmail(context: {
  name: string;
  timezone: string;
  formUrl: string;
}): AvailabilityEmail {
  return {
    subject: 'Which times work for you?',
    body: [
      `Hi ${firstName(context.name)},`,
      `Sorry, I could not find any days or times in your reply.`,
      `Could you reply with the times you are free over the next two weeks, for example "Tuesday 10–12 and Thursday after 3pm" (${context.timezone})?`,
      `Or mark them on a calendar: ${context.formUrl}`,
    ].join('\n\n'),
  };
}
