import type { AvailabilityLanguage } from './availability-words';

/**
 * Availability replies as hiring managers write them, each with the exact slots DESIGN §8's
 * conventions give. Written by hand from the conventions (never from the parser's output).
 *
 * `expected`: "7,8,14 09:00-12:00 14:00-17:00; 10 15:00-18:00" — days of December 2026 (or
 * "2027-01-05" for another date), then their ranges. Reference date 2026-12-07 (a Monday) in
 * Europe/Berlin unless the case says otherwise: weekdays fall on 7–20 December, next week is 14–18.
 */
export type AvailabilityCase = {
  language: AvailabilityLanguage;
  text: string;
  expected: string;
  referenceDate?: string;
  timezone?: string;
  /** The zone the reply names. */
  expectedZone?: string;
};

const language =
  (of: AvailabilityLanguage) =>
  (text: string, expected: string, more: Partial<AvailabilityCase> = {}): AvailabilityCase => ({
    language: of,
    text,
    expected,
    ...more,
  });
const en = language('en');
const es = language('es');
const fr = language('fr');
const de = language('de');
const pt = language('pt');

const THURSDAY = { referenceDate: '2026-12-10' };
const WEEKDAYS = '7,8,9,10,11,14,15,16,17,18';

export const availabilityCorpus: AvailabilityCase[] = [
  // English
  en('Mon–Wed 9–12, Thu after 2pm', '7,8,9,14,15,16 09:00-12:00; 10,17 14:00-18:00'),
  en('Next week mornings except Friday', '14,15,16,17 09:00-12:00'),
  en('Tuesday and Thursday afternoons', '8,10,15,17 12:00-17:00'),
  en("I'm free Monday 10-2", '7,14 10:00-14:00'),
  en('Wednesday after 3', '9,16 15:00-18:00'),
  en('Friday before 11am', '11,18 09:00-11:00'),
  en('Any day next week', '14,15,16,17,18 09:00-18:00'),
  en('Every day this week 1-3pm', '7,8,9,10,11 13:00-15:00'),
  en('Dec 15 9am-12pm', '15 09:00-12:00'),
  en('December 16th from 2 to 4', '16 14:00-16:00'),
  en('Tomorrow morning', '8 09:00-12:00'),
  en('Mon, Wed and Fri 9:30-11:30', '7,9,11,14,16,18 09:30-11:30'),
  en('Next week, any time except Tuesday', '14,16,17,18 09:00-18:00'),
  en('Mornings', `${WEEKDAYS} 09:00-12:00`),
  en('Monday 9-12 and 2-5', '7,14 09:00-12:00 14:00-17:00'),
  en('Thursday evening', '10,17 17:00-20:00'),
  en('Dec 14-16 10am to 1pm', '14,15,16 10:00-13:00'),
  en('Tuesday 10-2 London time', '8,15 10:00-14:00', { expectedZone: 'Europe/London' }),
  en('Weds between 1 and 3', '9,16 13:00-15:00'),
  en(
    'Monday to Friday 9-5 except Wednesday afternoon',
    '7,8,10,11,14,15,17,18 09:00-17:00; 9,16 09:00-12:00',
  ),
  en(
    'Hi Sam,\n\nNext week:\nMonday 9-12\nTuesday after 2\n\nThanks,\nJo',
    '14 09:00-12:00; 15 14:00-18:00',
  ),
  en('I can do the 17th or 18th of December, mornings', '17,18 09:00-12:00'),
  en('Weekdays 8-10am', `${WEEKDAYS} 08:00-10:00`),
  en('Free all day Friday', '11,18 09:00-18:00'),
  en('Monday and Tuesday next week, 10 to 4', '14,15 10:00-16:00'),
  en('12/15 and 12/16 from 9 to 11 EST', '15,16 09:00-11:00', {
    expectedZone: 'America/New_York',
  }),
  en('Not Monday. Tuesday or Wednesday 2-4pm works', '8,9,15,16 14:00-16:00'),
  en('after 4pm on Mon and Tue', '7,8,14,15 16:00-18:00'),
  en('Friday 11-1', '11,18 11:00-13:00'),
  en('Thursday noon to 2', '10,17 12:00-14:00'),
  en('Tue 8-10, Thu 8-10', '8,15 08:00-10:00; 10,17 08:00-10:00'),
  en('Anytime Wednesday except 12-1', '9,16 09:00-12:00 13:00-18:00'),
  en(
    'Sorry for the delay! Wednesday 10:00-11:30 or Thursday 15:00-17:00.',
    '9,16 10:00-11:30; 10,17 15:00-17:00',
  ),
  en('mornings next week except Thursday and Friday', '14,15,16 09:00-12:00'),
  en('Next week mornings', '14,15,16,17,18 09:00-12:00', THURSDAY),
  en('Monday and Tuesday', '14,15,21,22 09:00-18:00', THURSDAY),
  en('This week after 1pm', '10,11 13:00-18:00', THURSDAY),
  en('The weekend, 10am-2pm', '12,13,19,20 10:00-14:00'),

  // Spanish
  es(
    'Lunes a miércoles de 9 a 12, jueves por la tarde',
    '7,8,9,14,15,16 09:00-12:00; 10,17 12:00-17:00',
  ),
  es('El martes de 10 a 14h', '8,15 10:00-14:00'),
  es('Puedo el jueves a partir de las 15h', '10,17 15:00-18:00'),
  es('Viernes antes de las 11', '11,18 09:00-11:00'),
  es('La semana que viene por las mañanas', '14,15,16,17,18 09:00-12:00'),
  es('Mañana por la tarde', '8 12:00-17:00'),
  es('Todos los días de 9 a 11 excepto el miércoles', '7,8,10,11,14,15,17,18 09:00-11:00'),
  es('El 15 de diciembre de 9 a 13', '15 09:00-13:00'),
  es('Del 14 al 16 de diciembre por la mañana', '14,15,16 09:00-12:00'),
  es('Lunes y martes de 16 a 18', '7,8,14,15 16:00-18:00'),
  es('Miércoles entre las 10 y las 12', '9,16 10:00-12:00'),
  es('La próxima semana cualquier día menos el viernes', '14,15,16,17 09:00-18:00'),
  es('Jueves y viernes por la mañana', '10,11,17,18 09:00-12:00'),
  es('Hola, el lunes de 2 a 4 de la tarde. Saludos', '7,14 14:00-16:00'),
  es('Martes 9:30-11:00, miércoles 15:00-16:30', '8,15 09:30-11:00; 9,16 15:00-16:30'),
  es(
    'De lunes a viernes de 9 a 17, excepto el miércoles por la tarde',
    '7,8,10,11,14,15,17,18 09:00-17:00; 9,16 09:00-12:00',
  ),
  es('Esta semana por las tardes', '7,8,9,10,11 12:00-17:00'),
  es('El viernes todo el día', '11,18 09:00-18:00'),
  es('Por las mañanas, de lunes a jueves', '7,8,9,10,14,15,16,17 09:00-12:00'),
  es('El 17 y el 18 de diciembre después de las 14h', '17,18 14:00-18:00'),
  es('Jueves de 10 a 12 hora de Madrid', '10,17 10:00-12:00', { expectedZone: 'Europe/Madrid' }),
  es('No puedo el lunes. Martes y miércoles de 9 a 12', '8,9,15,16 09:00-12:00'),
  es('Cualquier día de la semana que viene después de las 16h', '14,15,16,17,18 16:00-18:00'),
  es('Lunes 9-12 y jueves 15-17', '7,14 09:00-12:00; 10,17 15:00-17:00'),
  es('Los martes por la tarde y los jueves por la mañana', '8,15 12:00-17:00; 10,17 09:00-12:00'),
  es('El miércoles 9 de diciembre de 11 a 13', '9 11:00-13:00'),
  es('Mañana de 10 a 12 y pasado mañana por la tarde', '8 10:00-12:00; 9 12:00-17:00'),
  es('Entre semana de 8 a 10', `${WEEKDAYS} 08:00-10:00`),
  es('El 14 y el 15 de diciembre de 9 a 11', '14,15 09:00-11:00'),
  es('Jueves después de comer', '10,17 12:00-17:00'),
  es('Viernes 11 de diciembre a partir de las 10', '11 10:00-18:00'),
  es('Lunes y martes por la tarde', '14,15,21,22 12:00-17:00', THURSDAY),
  es('Estoy libre el 5 de enero de 10 a 12', '2027-01-05 10:00-12:00'),

  // French
  fr('Je suis disponible mardi et jeudi de 14h à 17h', '8,10,15,17 14:00-17:00'),
  fr('Lundi matin', '7,14 09:00-12:00'),
  fr('Mercredi après 15h', '9,16 15:00-18:00'),
  fr('Vendredi avant 11h', '11,18 09:00-11:00'),
  fr('La semaine prochaine, tous les matins sauf le vendredi', '14,15,16,17 09:00-12:00'),
  fr('Demain après-midi', '8 12:00-17:00'),
  fr('Du lundi au mercredi de 9h à 12h', '7,8,9,14,15,16 09:00-12:00'),
  fr('Le 15 décembre de 10h à 12h', '15 10:00-12:00'),
  fr('Du 14 au 16 décembre le matin', '14,15,16 09:00-12:00'),
  fr('Jeudi entre 13h et 15h', '10,17 13:00-15:00'),
  fr('Tous les jours de 9h à 10h sauf mercredi', '7,8,10,11,14,15,17,18 09:00-10:00'),
  fr('Mardi 9h30-11h, jeudi 14h-16h30', '8,15 09:30-11:00; 10,17 14:00-16:30'),
  fr("Cette semaine l'après-midi", '7,8,9,10,11 12:00-17:00'),
  fr('Vendredi toute la journée', '11,18 09:00-18:00'),
  fr('Bonjour, lundi et mardi de 2h à 4h. Cordialement', '7,8,14,15 14:00-16:00'),
  fr(
    'Lundi au vendredi de 9h à 17h, sauf mercredi après-midi',
    '7,8,10,11,14,15,17,18 09:00-17:00; 9,16 09:00-12:00',
  ),
  fr('Le soir, mardi ou jeudi', '8,10,15,17 17:00-20:00'),
  fr('Mercredi 9 décembre à partir de 10h', '9 10:00-18:00'),
  fr('Je ne peux pas lundi. Mardi de 10h à 12h', '8,15 10:00-12:00'),
  fr('Jeudi 10h-12h heure de Paris', '10,17 10:00-12:00', { expectedZone: 'Europe/Paris' }),
  fr('Les 17 et 18 décembre après 14h', '17,18 14:00-18:00'),
  fr('Lundi 9h-12h et jeudi 15h-17h', '7,14 09:00-12:00; 10,17 15:00-17:00'),
  fr("N'importe quel jour la semaine prochaine avant midi", '14,15,16,17,18 09:00-12:00'),
  fr('Le matin en semaine', `${WEEKDAYS} 09:00-12:00`),
  fr('Mardi matin et mercredi après-midi', '8,15 09:00-12:00; 9,16 12:00-17:00'),
  fr('Après-demain de 9h à 11h', '9 09:00-11:00'),
  fr('Vendredi 11 décembre, de 14h à 18h', '11 14:00-18:00'),
  fr('Jeudi de 8h30 à 10h', '10,17 08:30-10:00'),
  fr('Mardi entre midi et 14h', '8,15 12:00-14:00'),
  fr('Mercredi et jeudi en fin de journée', '9,10,16,17 17:00-20:00'),
  fr('Cette semaine le matin', '10,11 09:00-12:00', THURSDAY),
  fr('Le week-end de 10h à 13h', '12,13,19,20 10:00-13:00'),

  // German
  de('14.–16. Dezember 10–12 Uhr', '14,15,16 10:00-12:00'),
  de('Montag bis Mittwoch vormittags', '7,8,9,14,15,16 09:00-12:00'),
  de('Dienstag und Donnerstag von 14 bis 17 Uhr', '8,10,15,17 14:00-17:00'),
  de('Mittwoch ab 15 Uhr', '9,16 15:00-18:00'),
  de('Freitag vor 11 Uhr', '11,18 09:00-11:00'),
  de('Nächste Woche vormittags außer Freitag', '14,15,16,17 09:00-12:00'),
  de('Morgen Nachmittag', '8 12:00-17:00'),
  de('Mo-Fr 9-12 Uhr', `${WEEKDAYS} 09:00-12:00`),
  de('Am 15. Dezember von 9 bis 13 Uhr', '15 09:00-13:00'),
  de('Donnerstag zwischen 10 und 12 Uhr', '10,17 10:00-12:00'),
  de('Jeden Tag 9-10 Uhr außer Mittwoch', '7,8,10,11,14,15,17,18 09:00-10:00'),
  de('Dienstag 9:30-11:00, Donnerstag 14:00-16:30', '8,15 09:30-11:00; 10,17 14:00-16:30'),
  de('Diese Woche nachmittags', '7,8,9,10,11 12:00-17:00'),
  de('Freitag den ganzen Tag', '11,18 09:00-18:00'),
  de('Ich kann Montag bis Mittwoch vormittags, Freitag geht nicht', '7,8,9,14,15,16 09:00-12:00'),
  de(
    'Montag bis Freitag 9-17 Uhr, außer Mittwoch nachmittags',
    '7,8,10,11,14,15,17,18 09:00-17:00; 9,16 09:00-12:00',
  ),
  de('Abends, Dienstag oder Donnerstag', '8,10,15,17 17:00-20:00'),
  de('Mittwoch, 9. Dezember ab 10 Uhr', '9 10:00-18:00'),
  de('Am Montag kann ich nicht. Dienstag 10-12 Uhr', '8,15 10:00-12:00'),
  de('Donnerstag 10-12 Uhr Londoner Zeit', '10,17 10:00-12:00', { expectedZone: 'Europe/London' }),
  de('Am 17. und 18. Dezember ab 14 Uhr', '17,18 14:00-18:00'),
  de('Montag 9-12 und Donnerstag 15-17 Uhr', '7,14 09:00-12:00; 10,17 15:00-17:00'),
  de('Nächste Woche jeden Tag vor 12 Uhr', '14,15,16,17,18 09:00-12:00'),
  de('Werktags morgens von 8 bis 10', `${WEEKDAYS} 08:00-10:00`),
  de('Dienstag Vormittag und Mittwoch Nachmittag', '8,15 09:00-12:00; 9,16 12:00-17:00'),
  de('Übermorgen 9-11 Uhr', '9 09:00-11:00'),
  de('Freitag, 11.12., 14-18 Uhr', '11 14:00-18:00'),
  de('Donnerstag von 8:30 bis 10 Uhr', '10,17 08:30-10:00'),
  de('Dienstag zwischen 12 und 14 Uhr', '8,15 12:00-14:00'),
  de('Mittwoch und Donnerstag gegen Abend', '9,10,16,17 17:00-20:00'),
  de('Nächste Woche Montag und Dienstag 10-12 Uhr', '14,15 10:00-12:00', THURSDAY),
  de('Am Wochenende von 10 bis 13 Uhr', '12,13,19,20 10:00-13:00'),

  // Portuguese
  pt('Posso segunda e terça das 10h às 12h', '7,8,14,15 10:00-12:00'),
  pt('Quarta depois das 15h', '9,16 15:00-18:00'),
  pt('Sexta antes das 11h', '11,18 09:00-11:00'),
  pt('Semana que vem de manhã, exceto sexta', '14,15,16,17 09:00-12:00'),
  pt('Amanhã à tarde', '8 12:00-17:00'),
  pt('De segunda a quarta das 9h às 12h', '7,8,9,14,15,16 09:00-12:00'),
  pt('Dia 15 de dezembro das 10 às 12', '15 10:00-12:00'),
  pt('De 14 a 16 de dezembro de manhã', '14,15,16 09:00-12:00'),
  pt('Quinta entre 13h e 15h', '10,17 13:00-15:00'),
  pt('Todos os dias das 9h às 10h, menos quarta', '7,8,10,11,14,15,17,18 09:00-10:00'),
  pt('Terça 9h30-11h, quinta 14h-16h30', '8,15 09:30-11:00; 10,17 14:00-16:30'),
  pt('Esta semana à tarde', '7,8,9,10,11 12:00-17:00'),
  pt('Sexta o dia todo', '11,18 09:00-18:00'),
  pt('Olá, segunda e terça das 2 às 4 da tarde. Abraço', '7,8,14,15 14:00-16:00'),
  pt(
    'Segunda a sexta das 9h às 17h, exceto quarta à tarde',
    '7,8,10,11,14,15,17,18 09:00-17:00; 9,16 09:00-12:00',
  ),
  pt('À noite, terça ou quinta', '8,10,15,17 17:00-20:00'),
  pt('Quarta, 9 de dezembro, a partir das 10h', '9 10:00-18:00'),
  pt('Não posso na segunda. Terça das 10h às 12h', '8,15 10:00-12:00'),
  pt('Quinta das 10h às 12h, horário de Lisboa', '10,17 10:00-12:00', {
    expectedZone: 'Europe/Lisbon',
  }),
  pt('Dias 17 e 18 de dezembro depois das 14h', '17,18 14:00-18:00'),
  pt('Segunda das 9 às 12 e quinta das 15 às 17', '7,14 09:00-12:00; 10,17 15:00-17:00'),
  pt('Qualquer dia da semana que vem antes do meio-dia', '14,15,16,17,18 09:00-12:00'),
  pt('De manhã durante a semana', `${WEEKDAYS} 09:00-12:00`),
  pt('Terça de manhã e quarta à tarde', '8,15 09:00-12:00; 9,16 12:00-17:00'),
  pt('Depois de amanhã das 9h às 11h', '9 09:00-11:00'),
  pt('Sexta-feira, 11 de dezembro, das 14h às 18h', '11 14:00-18:00'),
  pt('Quinta das 8h30 às 10h', '10,17 08:30-10:00'),
  pt('Terça entre meio-dia e 14h', '8,15 12:00-14:00'),
  pt('Quarta e quinta no fim do dia', '9,10,16,17 17:00-20:00'),
  pt('Segunda-feira e quarta-feira à tarde', '7,9,14,16 12:00-17:00'),
  pt('Segunda e terça de manhã', '14,15,21,22 09:00-12:00', THURSDAY),
  pt('No fim de semana das 10h às 13h', '12,13,19,20 10:00-13:00'),
];

/** `expected` as slots, sorted like the parser's answer. */
export function expectedSlots(
  expected: string,
): { date: string; startTime: string; endTime: string }[] {
  const slots: { date: string; startTime: string; endTime: string }[] = [];
  for (const part of expected.split(';')) {
    const [days, ...ranges] = part.trim().split(/\s+/);
    for (const day of days!.split(',')) {
      const date = day.includes('-') ? day : `2026-12-${day.padStart(2, '0')}`;
      for (const range of ranges) {
        const [startTime, endTime] = range.split('-');
        slots.push({ date, startTime: startTime!, endTime: endTime! });
      }
    }
  }
  return slots.sort((a, b) =>
    a.date === b.date ? a.startTime.localeCompare(b.startTime) : a.date.localeCompare(b.date),
  );
}
