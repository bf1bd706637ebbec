import { errorPageText } from './error-page-text';

/**
 * The booking page's words. One catalog per language (DESIGN §3 `language`); each is plain data
 * (strings with `{placeholders}`, plural forms by Intl.PluralRules category), because the server
 * page hands the candidate's catalog to the client components as props. English is the reference:
 * every other catalog has exactly its keys (the type checks it).
 */

/** Plural forms by CLDR category; `other` is required, `one` is what most languages need too. */
export type Plural = {
  one: string;
  other: string;
  zero?: string;
  two?: string;
  few?: string;
  many?: string;
};

export type Messages = {
  /** Browser tab: `{heading}` is the page heading. */
  documentTitle: string;
  eyebrow: string;
  /** The heading, from the candidate's side: the role and company when known, then the title. */
  headingRoleAtCompany: string;
  headingRole: string;
  headingCompany: string;
  minutes: Plural;
  hours: Plural;
  /** `{hours}` and `{minutes}` are the two pieces above. */
  hoursAndMinutes: string;
  withPeople: string;
  videoCall: string;
  developmentRoom: string;
  /** `{provider}`: Google Meet or Microsoft Teams. */
  developmentRoomNote: string;
  theOrganizer: string;
  theOrganizerCapitalized: string;
  footer: string;
  noScript: string;

  pickHeading: string;
  rescheduleHeading: string;
  currentlyBooked: string;
  keepCurrent: string;
  cancelledPrevious: string;
  slotTaken: string;
  changedMeanwhile: string;
  genericError: string;

  timeZone: string;
  timeZoneSearch: string;
  timeZoneList: string;
  noMatchingZone: string;
  loadingZones: string;
  timeFormat: string;
  twelveHour: string;
  twentyFourHour: string;
  previousMonth: string;
  nextMonth: string;
  /** The short weekday names and the full ones, Sunday first. */
  weekdaysShort: string[];
  weekdaysLong: string[];

  openTimes: string;
  openTimesCount: Plural;
  noOpenTimes: string;
  loadingOpenTimes: string;
  /** Screen-reader status line: `{count}` is openTimesCount or noOpenTimes. */
  statusDay: string;
  statusMonth: Plural;
  statusMonthEmpty: string;
  statusLoading: string;
  statusError: string;
  monthEmptyTryNext: string;
  noTimesLeft: string;
  selectDay: string;
  noTimesThisDay: string;
  /** Calendar day button: `{date}, {count}`. */
  dayLabel: string;
  timeLabel: string;
  currentTime: string;
  moreTimesBelow: string;
  timesFailedHeading: string;
  timesFailedLead: string;
  tryAgain: string;

  confirmHeading: string;
  confirmNewTimeHeading: string;
  confirmLead: string;
  movingFrom: string;
  checkDetails: string;
  confirmBooking: string;
  confirmNewTime: string;
  booking: string;
  back: string;

  loading: string;
  joinLink: string;
  opensInNewTab: string;
  openDevelopmentRoom: string;

  bookedHeading: string;
  movedHeading: string;
  existingHeading: string;
  pastHeading: string;
  pastLead: string;
  inviteOnItsWay: string;
  detailsLead: string;
  addToCalendar: string;
  googleCalendar: string;
  otherCalendars: string;
  needChange: string;
  reschedule: string;
  cancelInterview: string;

  cancelHeading: string;
  reasonLabel: string;
  willBeTold: string;
  cancelling: string;
  keepInterview: string;
  cancelledHeading: string;
  cancelledLead: string;
  pickNewLead: string;
  pickNewTime: string;

  organizerCancelledHeading: string;
  organizerCancelledLead: string;
  closedHeading: string;
  closedLead: string;
  mistake: string;
  noTimesHeading: string;
  noTimesLead: string;
  awaitingHeading: string;
  awaitingLead: string;

  notFoundTitle: string;
  notFoundLead: string;
  errorTitle: string;
  errorLead: string;
};

/** The words only the server renders (the summary, the document, 404 and error pages). */
export const serverOnlyKeys = [
  'documentTitle',
  'eyebrow',
  'headingRoleAtCompany',
  'headingRole',
  'headingCompany',
  'noScript',
  'notFoundTitle',
  'notFoundLead',
  'errorTitle',
  'errorLead',
  'footer',
] as const;

/** What the client components get: the catalog without the server-only words. */
export type ClientMessages = Omit<Messages, (typeof serverOnlyKeys)[number]>;

export const en: Messages = {
  ...errorPageText,
  documentTitle: '{heading} · Book your interview',
  eyebrow: 'Your interview',
  headingRoleAtCompany: '{position} at {company}',
  headingRole: '{position}',
  headingCompany: 'Interview with {company}',
  minutes: { one: '{n} min', other: '{n} min' },
  hours: { one: '{n} hr', other: '{n} hr' },
  hoursAndMinutes: '{hours} {minutes}',
  withPeople: 'with {names}',
  videoCall: 'Video call',
  developmentRoom: 'Development video room',
  developmentRoomNote:
    'Stands in for {provider} while none is connected; no real call happens there.',
  theOrganizer: 'the organizer',
  theOrganizerCapitalized: 'The organizer',
  noScript:
    'Turn on JavaScript to pick a time on this page, or reply to the message that brought you here with a time that suits you.',

  pickHeading: 'Select a date & time',
  rescheduleHeading: 'Pick a new time',
  currentlyBooked: 'Currently booked for {date} at {time}.',
  keepCurrent: 'Keep current time',
  cancelledPrevious: 'You cancelled your previous interview. Pick a new time below.',
  slotTaken:
    'Sorry, that time was just taken. The open times have been refreshed: please pick another one.',
  changedMeanwhile: 'This booking changed in the meantime; here is where it stands now.',
  genericError: 'Something went wrong and nothing was changed. Please try again.',

  timeZone: 'Time zone',
  timeZoneSearch: 'Search by city, country or zone',
  timeZoneList: 'Time zones',
  noMatchingZone: 'No matching time zone',
  loadingZones: 'Loading time zones…',
  timeFormat: 'Time format',
  twelveHour: '12-hour clock',
  twentyFourHour: '24-hour clock',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  weekdaysLong: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],

  openTimes: 'Open times',
  openTimesCount: { one: '1 open time', other: '{n} open times' },
  noOpenTimes: 'no open times',
  loadingOpenTimes: 'loading open times',
  statusDay: '{count} on {day}.',
  statusMonth: {
    one: '1 day has open times in {month}.',
    other: '{n} days have open times in {month}.',
  },
  statusMonthEmpty: 'No open times in {month}.',
  statusLoading: 'Loading open times…',
  statusError: 'Open times could not be loaded.',
  monthEmptyTryNext: 'No open times in {month}. Try the next month.',
  noTimesLeft: 'No open times are left. Please check back later.',
  selectDay: 'Select a day to see its open times.',
  noTimesThisDay: 'No open times on this day in your time zone.',
  dayLabel: '{date}, {count}',
  timeLabel: '{time}, {day}',
  currentTime: '{time} · current',
  moreTimesBelow: 'Scroll for more times',
  timesFailedHeading: 'The open times could not be loaded',
  timesFailedLead: 'Nothing was changed. Check your connection and try again.',

  confirmHeading: 'Confirm your interview',
  confirmNewTimeHeading: 'Confirm your new time',
  confirmLead: 'Hi {firstName}, please check the details below.',
  movingFrom: 'Moving from {date} at {time}.',
  checkDetails: 'Please check the details below.',
  confirmBooking: 'Confirm booking',
  confirmNewTime: 'Confirm new time',
  booking: 'Booking…',
  back: 'Back',

  loading: 'Loading',
  joinLink: 'Join link',
  opensInNewTab: '(opens in a new tab)',
  openDevelopmentRoom: 'Open the development video room',

  bookedHeading: 'You’re booked',
  movedHeading: 'Your interview was moved',
  existingHeading: 'Your interview is booked',
  pastHeading: 'Your interview',
  pastLead: 'This interview has already taken place.',
  inviteOnItsWay: 'A calendar invitation is on its way to you and {who}.',
  detailsLead: 'Here are the details of your interview with {who}.',
  addToCalendar: 'Add to your calendar',
  googleCalendar: 'Google Calendar',
  otherCalendars: 'Apple, Outlook (.ics)',
  needChange: 'Need to make a change?',
  reschedule: 'Reschedule',
  cancelInterview: 'Cancel interview',

  cancelHeading: 'Cancel your interview?',
  reasonLabel: 'Reason for cancelling (optional)',
  willBeTold: '{who} will be told that you cancelled.',
  cancelling: 'Cancelling…',
  keepInterview: 'Keep interview',
  cancelledHeading: 'Your interview is cancelled',
  cancelledLead: '{who} has been told.',
  pickNewLead: 'You can pick a new time whenever you’re ready.',
  pickNewTime: 'Pick a new time',

  organizerCancelledHeading: 'This interview was cancelled',
  organizerCancelledLead:
    '{who} cancelled this interview, so the link can no longer be used to book a time.',
  closedHeading: 'This booking link is closed',
  closedLead: '{who} is no longer scheduling through this link, so no time can be booked here.',
  mistake: 'If you think this is a mistake, reply to the message that brought you here.',
  noTimesHeading: 'No open times right now',
  noTimesLead:
    'The interviewers have no free time to offer at the moment. They have been told, and we will message you as soon as new times open up.',
  awaitingHeading: 'Times are on their way',
  awaitingLead:
    'The interviewers are still sharing when they are free. We will message you as soon as you can pick a time.',

  notFoundTitle: 'Booking link not found',
  notFoundLead:
    'This link does not exist or is incomplete. Check that you copied the whole link from the message you received, or reply to that message to ask for a new one.',
};
