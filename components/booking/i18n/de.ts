import type { Messages } from './messages';

/**
 * German: the candidate is addressed as „Sie“, and "the organizer" is „Ihre Ansprechperson“.
 * Sentences keep `{who}` in the nominative (or an accusative that matches it), so a name and
 * „Ihre Ansprechperson“ both read correctly without a case change.
 */
export const de: Messages = {
  documentTitle: '{heading} · Gesprächstermin buchen',
  eyebrow: 'Ihr Gespräch',
  headingRoleAtCompany: '{position} bei {company}',
  headingRole: '{position}',
  headingCompany: 'Gespräch mit {company}',
  minutes: { one: '{n} Min.', other: '{n} Min.' },
  hours: { one: '{n} Std.', other: '{n} Std.' },
  hoursAndMinutes: '{hours} {minutes}',
  withPeople: 'mit {names}',
  videoCall: 'Videoanruf',
  developmentRoom: 'Entwicklungs-Videoraum',
  developmentRoomNote:
    'Platzhalter für {provider}, solange keine Verbindung eingerichtet ist; hier findet kein echter Anruf statt.',
  theOrganizer: 'Ihre Ansprechperson',
  theOrganizerCapitalized: 'Ihre Ansprechperson',
  footer: 'Terminplanung mit Parley',
  noScript:
    'Aktivieren Sie JavaScript, um auf dieser Seite einen Termin auszuwählen, oder antworten Sie auf die Nachricht mit diesem Link und nennen Sie einen Termin, der Ihnen passt.',

  pickHeading: 'Datum und Uhrzeit auswählen',
  rescheduleHeading: 'Neuen Termin auswählen',
  currentlyBooked: 'Aktuell gebucht: {date} um {time}.',
  keepCurrent: 'Aktuellen Termin behalten',
  cancelledPrevious:
    'Sie haben Ihr vorheriges Gespräch abgesagt. Wählen Sie unten einen neuen Termin.',
  slotTaken:
    'Dieser Termin wurde leider gerade vergeben. Die freien Termine wurden aktualisiert – bitte wählen Sie einen anderen.',
  changedMeanwhile:
    'Diese Buchung hat sich inzwischen geändert. Hier sehen Sie den aktuellen Stand.',
  genericError:
    'Etwas ist schiefgelaufen, es wurde nichts geändert. Bitte versuchen Sie es noch einmal.',

  timeZone: 'Zeitzone',
  timeZoneSearch: 'Nach Stadt, Land oder Zeitzone suchen',
  timeZoneList: 'Zeitzonen',
  noMatchingZone: 'Keine passende Zeitzone',
  loadingZones: 'Zeitzonen werden geladen …',
  timeFormat: 'Zeitformat',
  twelveHour: '12-Stunden-Format',
  twentyFourHour: '24-Stunden-Format',
  previousMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  weekdaysShort: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
  weekdaysLong: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],

  openTimes: 'Freie Termine',
  openTimesCount: { one: '{n} freier Termin', other: '{n} freie Termine' },
  noOpenTimes: 'keine freien Termine',
  loadingOpenTimes: 'freie Termine werden geladen',
  statusDay: '{day}: {count}.',
  statusMonth: {
    one: 'Im {month} gibt es an {n} Tag freie Termine.',
    other: 'Im {month} gibt es an {n} Tagen freie Termine.',
  },
  statusMonthEmpty: 'Im {month} gibt es keine freien Termine.',
  statusLoading: 'Freie Termine werden geladen…',
  statusError: 'Die freien Termine konnten nicht geladen werden.',
  monthEmptyTryNext: 'Im {month} gibt es keine freien Termine. Schauen Sie im nächsten Monat nach.',
  noTimesLeft:
    'Es sind keine freien Termine mehr verfügbar. Bitte schauen Sie später noch einmal vorbei.',
  selectDay: 'Wählen Sie einen Tag, um die freien Termine zu sehen.',
  noTimesThisDay: 'An diesem Tag gibt es in Ihrer Zeitzone keine freien Termine.',
  dayLabel: '{date}, {count}',
  timeLabel: '{time}, {day}',
  currentTime: '{time} · aktuell',
  moreTimesBelow: 'Nach unten scrollen für weitere Termine',
  timesFailedHeading: 'Die freien Termine konnten nicht geladen werden',
  timesFailedLead:
    'Es wurde nichts geändert. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  tryAgain: 'Erneut versuchen',

  confirmHeading: 'Ihren Termin bestätigen',
  confirmNewTimeHeading: 'Neuen Termin bestätigen',
  confirmLead: 'Hallo {firstName}, bitte prüfen Sie die Angaben unten.',
  movingFrom: 'Bisheriger Termin: {date} um {time}.',
  checkDetails: 'Bitte prüfen Sie die Angaben unten.',
  confirmBooking: 'Buchung bestätigen',
  confirmNewTime: 'Neuen Termin bestätigen',
  booking: 'Wird gebucht…',
  back: 'Zurück',

  loading: 'Wird geladen',
  joinLink: 'Link zum Beitreten',
  opensInNewTab: '(öffnet in einem neuen Tab)',
  openDevelopmentRoom: 'Entwicklungs-Videoraum öffnen',

  bookedHeading: 'Ihr Termin steht',
  movedHeading: 'Ihr Gespräch wurde verschoben',
  existingHeading: 'Ihr Gespräch ist gebucht',
  pastHeading: 'Ihr Gespräch',
  pastLead: 'Dieses Gespräch hat bereits stattgefunden.',
  inviteOnItsWay: 'Sie und {who} erhalten in Kürze eine Kalendereinladung.',
  detailsLead: '{who} hat Sie zu diesem Gespräch eingeladen – hier sind alle Details.',
  addToCalendar: 'In Ihren Kalender eintragen',
  googleCalendar: 'Google Calendar',
  otherCalendars: 'Apple, Outlook (.ics)',
  needChange: 'Möchten Sie etwas ändern?',
  reschedule: 'Termin verschieben',
  cancelInterview: 'Gespräch absagen',

  cancelHeading: 'Gespräch absagen?',
  reasonLabel: 'Grund für die Absage (optional)',
  willBeTold: '{who} wird über Ihre Absage informiert.',
  cancelling: 'Wird abgesagt…',
  keepInterview: 'Termin beibehalten',
  cancelledHeading: 'Ihr Gespräch wurde abgesagt',
  cancelledLead: '{who} wurde informiert.',
  pickNewLead: 'Sie können jederzeit einen neuen Termin wählen.',
  pickNewTime: 'Neuen Termin wählen',

  organizerCancelledHeading: 'Dieses Gespräch wurde abgesagt',
  organizerCancelledLead:
    '{who} hat dieses Gespräch abgesagt. Über diesen Link kann daher kein Termin mehr gebucht werden.',
  closedHeading: 'Dieser Buchungslink ist nicht mehr aktiv',
  closedLead:
    '{who} vergibt über diesen Link keine Termine mehr, daher kann hier nichts gebucht werden.',
  mistake:
    'Falls Sie glauben, dass es sich um einen Fehler handelt, antworten Sie bitte auf die Nachricht mit diesem Link.',
  noTimesHeading: 'Derzeit keine freien Termine',
  noTimesLead:
    'Das Recruiting-Team hat im Moment keine freien Termine. Es wurde bereits informiert, und wir melden uns bei Ihnen, sobald neue Termine verfügbar sind.',
  awaitingHeading: 'Termine folgen in Kürze',
  awaitingLead:
    'Das Recruiting-Team trägt gerade noch seine Verfügbarkeit ein. Wir melden uns bei Ihnen, sobald Sie einen Termin auswählen können.',

  notFoundTitle: 'Buchungslink nicht gefunden',
  notFoundLead:
    'Dieser Link existiert nicht oder ist unvollständig. Prüfen Sie, ob Sie den vollständigen Link aus der erhaltenen Nachricht kopiert haben, oder bitten Sie in einer Antwort auf diese Nachricht um einen neuen Link.',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorLead: 'Diese Buchungsseite konnte nicht geladen werden. Es wurde nichts geändert.',
};
