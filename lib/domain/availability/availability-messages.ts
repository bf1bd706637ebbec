import type { AvailabilityLanguage } from './availability-words';
import { describeSlots } from './describe-times';
import type { WallTimeSlot } from './time-slots';

/**
 * What Parley writes to a person whose free times it collects (DESIGN §8): the request, its
 * reminders, the confirmation of what a reply was read as, and the one clarification, in any of
 * the five languages (the request in the waiting campaigns' language, the answers to a reply in
 * the language it was written in). Pure; the server fills in the counts, roles and links. Every
 * example an email gives is one the parser reads (availability-messages.test.ts).
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
  /** Defaults to English. */
  language?: AvailabilityLanguage;
};

export type AvailabilityEmail = { subject: string; body: string };

type Words = {
  hi: (first: string) => string;
  subject: (waiting: number) => string;
  reminderSubject: (waiting: number) => string;
  lastReminderSubject: string;
  /** "3 candidates are waiting to book a 30-minute interview with you for the X role." */
  waitingToBook: (waiting: number, duration: number, roles: string) => string;
  stillWaitingFor: (waiting: number, duration: number, roles: string) => string;
  lastReminder: (waiting: number, roles: string) => string;
  /** " for the X role" / " for X, Y and Z" (leading space), or "". */
  roles: (roles: string[]) => string;
  replyWithTimes: string;
  example: string;
  readIn: (zone: string, zoneExample: string) => string;
  zoneExample: string;
  orForm: (url: string) => string;
  linksFollow: string;
  via: (organization: string) => string;
  savedSubject: string;
  understood: (zone: string) => string;
  couldNotRead: (parts: string) => string;
  released: (count: number) => string;
  willBeOffered: string;
  correct: (url: string) => string;
  clarifySubject: string;
  sorry: string;
  askAgain: (example: string, zone: string) => string;
  clarifyExample: string;
};

const list = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

const words: Record<AvailabilityLanguage, Words> = {
  en: {
    hi: (first) => `Hi ${first},`,
    subject: (n) => `When are you free to interview? (${n} waiting)`,
    reminderSubject: (n) =>
      `Reminder: ${n === 1 ? 'a candidate is' : `${n} candidates are`} waiting for your times`,
    lastReminderSubject: 'Last reminder: your interview times are needed',
    waitingToBook: (n, minutes, roles) =>
      `${n === 1 ? 'A candidate is' : `${n} candidates are`} waiting to book a ${minutes}-minute interview with you${roles}.`,
    stillWaitingFor: (n, minutes, roles) =>
      `${n === 1 ? 'A candidate is' : `${n} candidates are`} still waiting for a ${minutes}-minute interview with you${roles}.`,
    lastReminder: (n, roles) =>
      `${n === 1 ? 'A candidate is' : `${n} candidates are`} still waiting${roles}. Without your times by tomorrow, we will tell the recruiting team that no time could be found.`,
    roles: (roles) =>
      roles.length === 0
        ? ''
        : roles.length === 1
          ? ` for the ${roles[0]} role`
          : ` for the ${list(roles, 'and')} roles`,
    replyWithTimes:
      'Reply to this email with the times you are free over the next two weeks, in your own words, for example:',
    example: 'Mon–Wed 9–12, Thu after 2pm',
    readIn: (zone, example) =>
      `Times are read in ${zone} unless you name another zone ("${example}").`,
    zoneExample: '10–12 London time',
    orForm: (url) => `Or mark them on a calendar: ${url}`,
    linksFollow: 'Every waiting candidate gets a booking link as soon as your times are in.',
    via: (org) => `— ${org}, via Parley`,
    savedSubject: 'Your interview times are saved',
    understood: (zone) => `Thank you. This is what I understood (${zone}):`,
    couldNotRead: (parts) => `I could not read: ${parts}.`,
    released: (n) =>
      n === 1
        ? 'The waiting candidate has been sent a booking link.'
        : `The ${n} waiting candidates have been sent a booking link.`,
    willBeOffered: 'Candidates will be offered these times.',
    correct: (url) => `Something wrong? Correct it here: ${url} (or reply again with your times).`,
    clarifySubject: 'Which times work for you?',
    sorry: 'Sorry, I could not find any days or times in your reply.',
    askAgain: (example, zone) =>
      `Could you reply with the times you are free over the next two weeks, for example "${example}" (${zone})?`,
    clarifyExample: 'Tuesday 10–12 and Thursday after 3pm',
  },
  es: {
    hi: (first) => `Hola, ${first}:`,
    subject: (n) => `¿Cuándo puede entrevistar? (${n} en espera)`,
    reminderSubject: (n) =>
      `Recordatorio: ${n === 1 ? 'un candidato espera' : `${n} candidatos esperan`} sus horarios`,
    lastReminderSubject: 'Último recordatorio: necesitamos sus horarios de entrevista',
    waitingToBook: (n, minutes, roles) =>
      `${n === 1 ? 'Un candidato espera' : `${n} candidatos esperan`} para reservar una entrevista de ${minutes} minutos con usted${roles}.`,
    stillWaitingFor: (n, minutes, roles) =>
      `${n === 1 ? 'Un candidato sigue esperando' : `${n} candidatos siguen esperando`} una entrevista de ${minutes} minutos con usted${roles}.`,
    lastReminder: (n, roles) =>
      `${n === 1 ? 'Un candidato sigue esperando' : `${n} candidatos siguen esperando`}${roles}. Si mañana no tenemos sus horarios, avisaremos al equipo de selección de que no se encontró ningún hueco.`,
    roles: (roles) =>
      roles.length === 0
        ? ''
        : roles.length === 1
          ? ` para el puesto de ${roles[0]}`
          : ` para los puestos de ${list(roles, 'y')}`,
    replyWithTimes:
      'Responda a este correo con los horarios en que está libre en las próximas dos semanas, con sus propias palabras, por ejemplo:',
    example: 'De lunes a miércoles de 9 a 12, jueves a partir de las 14',
    readIn: (zone, example) =>
      `Leemos los horarios en ${zone}, salvo que indique otra zona («${example}»).`,
    zoneExample: '10–12 hora de Londres',
    orForm: (url) => `O márquelos en un calendario: ${url}`,
    linksFollow:
      'Cada candidato en espera recibe un enlace de reserva en cuanto tengamos sus horarios.',
    via: (org) => `— ${org}, vía Parley`,
    savedSubject: 'Sus horarios de entrevista están guardados',
    understood: (zone) => `Gracias. Esto es lo que he entendido (${zone}):`,
    couldNotRead: (parts) => `No he podido leer: ${parts}.`,
    released: (n) =>
      n === 1
        ? 'El candidato en espera ha recibido un enlace de reserva.'
        : `Los ${n} candidatos en espera han recibido un enlace de reserva.`,
    willBeOffered: 'Se ofrecerán estos horarios a los candidatos.',
    correct: (url) =>
      `¿Algo no está bien? Corríjalo aquí: ${url} (o responda de nuevo con sus horarios).`,
    clarifySubject: '¿Qué horarios le vienen bien?',
    sorry: 'Lo siento, no he encontrado días ni horas en su respuesta.',
    askAgain: (example, zone) =>
      `¿Podría responder con los horarios en que está libre en las próximas dos semanas, por ejemplo «${example}» (${zone})?`,
    clarifyExample: 'martes de 10 a 12 y jueves a partir de las 15',
  },
  fr: {
    hi: (first) => `Bonjour ${first},`,
    subject: (n) => `Quand êtes-vous disponible pour un entretien ? (${n} en attente)`,
    reminderSubject: (n) =>
      `Rappel : ${n === 1 ? 'un candidat attend' : `${n} candidats attendent`} vos disponibilités`,
    lastReminderSubject: 'Dernier rappel : vos disponibilités sont nécessaires',
    waitingToBook: (n, minutes, roles) =>
      `${n === 1 ? 'Un candidat attend' : `${n} candidats attendent`} de réserver un entretien de ${minutes} minutes avec vous${roles}.`,
    stillWaitingFor: (n, minutes, roles) =>
      `${n === 1 ? 'Un candidat attend' : `${n} candidats attendent`} toujours un entretien de ${minutes} minutes avec vous${roles}.`,
    lastReminder: (n, roles) =>
      `${n === 1 ? 'Un candidat attend' : `${n} candidats attendent`} toujours${roles}. Sans vos disponibilités d’ici demain, nous indiquerons à l’équipe de recrutement qu’aucun créneau n’a été trouvé.`,
    roles: (roles) =>
      roles.length === 0
        ? ''
        : roles.length === 1
          ? ` pour le poste de ${roles[0]}`
          : ` pour les postes de ${list(roles, 'et')}`,
    replyWithTimes:
      'Répondez à cet e-mail avec vos disponibilités des deux prochaines semaines, avec vos propres mots, par exemple :',
    example: 'Du lundi au mercredi de 9h à 12h, jeudi après 14h',
    readIn: (zone, example) =>
      `Les horaires sont lus en ${zone}, sauf si vous indiquez un autre fuseau (« ${example} »).`,
    zoneExample: '10h–12h heure de Londres',
    orForm: (url) => `Ou indiquez-les sur un calendrier : ${url}`,
    linksFollow:
      'Chaque candidat en attente reçoit un lien de réservation dès que vos disponibilités sont enregistrées.',
    via: (org) => `— ${org}, via Parley`,
    savedSubject: 'Vos disponibilités sont enregistrées',
    understood: (zone) => `Merci. Voici ce que j’ai compris (${zone}) :`,
    couldNotRead: (parts) => `Je n’ai pas pu lire : ${parts}.`,
    released: (n) =>
      n === 1
        ? 'Le candidat en attente a reçu un lien de réservation.'
        : `Les ${n} candidats en attente ont reçu un lien de réservation.`,
    willBeOffered: 'Ces créneaux seront proposés aux candidats.',
    correct: (url) =>
      `Une erreur ? Corrigez-la ici : ${url} (ou répondez à nouveau avec vos disponibilités).`,
    clarifySubject: 'Quels créneaux vous conviennent ?',
    sorry: 'Désolé, je n’ai trouvé aucun jour ni horaire dans votre réponse.',
    askAgain: (example, zone) =>
      `Pourriez-vous répondre avec vos disponibilités des deux prochaines semaines, par exemple « ${example} » (${zone}) ?`,
    clarifyExample: 'mardi de 10h à 12h et jeudi après 15h',
  },
  de: {
    hi: (first) => `Hallo ${first},`,
    subject: (n) => `Wann haben Sie Zeit für Interviews? (${n} warten)`,
    reminderSubject: (n) =>
      `Erinnerung: ${n === 1 ? 'ein Kandidat wartet' : `${n} Kandidaten warten`} auf Ihre Zeiten`,
    lastReminderSubject: 'Letzte Erinnerung: Ihre Interviewzeiten werden gebraucht',
    waitingToBook: (n, minutes, roles) =>
      `${n === 1 ? 'Ein Kandidat möchte' : `${n} Kandidaten möchten`} ein ${minutes}-minütiges Interview mit Ihnen buchen${roles}.`,
    stillWaitingFor: (n, minutes, roles) =>
      `${n === 1 ? 'Ein Kandidat wartet' : `${n} Kandidaten warten`} noch auf ein ${minutes}-minütiges Interview mit Ihnen${roles}.`,
    lastReminder: (n, roles) =>
      `${n === 1 ? 'Ein Kandidat wartet' : `${n} Kandidaten warten`} noch${roles}. Ohne Ihre Zeiten bis morgen teilen wir dem Recruiting-Team mit, dass kein Termin gefunden wurde.`,
    roles: (roles) =>
      roles.length === 0
        ? ''
        : roles.length === 1
          ? ` (Stelle: ${roles[0]})`
          : ` (Stellen: ${list(roles, 'und')})`,
    replyWithTimes:
      'Antworten Sie auf diese E-Mail mit Ihren freien Zeiten in den nächsten zwei Wochen, in Ihren eigenen Worten, zum Beispiel:',
    example: 'Mo–Mi 9–12 Uhr, Do ab 14 Uhr',
    readIn: (zone, example) =>
      `Zeiten gelten in ${zone}, außer Sie nennen eine andere Zone („${example}“).`,
    zoneExample: '10–12 Uhr Londoner Zeit',
    orForm: (url) => `Oder tragen Sie sie in einen Kalender ein: ${url}`,
    linksFollow:
      'Alle wartenden Kandidaten erhalten einen Buchungslink, sobald Ihre Zeiten da sind.',
    via: (org) => `— ${org}, über Parley`,
    savedSubject: 'Ihre Interviewzeiten sind gespeichert',
    understood: (zone) => `Danke. So habe ich es verstanden (${zone}):`,
    couldNotRead: (parts) => `Nicht lesen konnte ich: ${parts}.`,
    released: (n) =>
      n === 1
        ? 'Der wartende Kandidat hat einen Buchungslink erhalten.'
        : `Die ${n} wartenden Kandidaten haben einen Buchungslink erhalten.`,
    willBeOffered: 'Diese Zeiten werden den Kandidaten angeboten.',
    correct: (url) =>
      `Stimmt etwas nicht? Hier korrigieren: ${url} (oder antworten Sie erneut mit Ihren Zeiten).`,
    clarifySubject: 'Welche Zeiten passen Ihnen?',
    sorry: 'Leider habe ich in Ihrer Antwort keine Tage oder Uhrzeiten gefunden.',
    askAgain: (example, zone) =>
      `Könnten Sie mit Ihren freien Zeiten in den nächsten zwei Wochen antworten, zum Beispiel „${example}“ (${zone})?`,
    clarifyExample: 'Dienstag 10–12 Uhr und Donnerstag ab 15 Uhr',
  },
  pt: {
    hi: (first) => `Olá, ${first},`,
    subject: (n) => `Quando você pode fazer entrevistas? (${n} aguardando)`,
    reminderSubject: (n) =>
      `Lembrete: ${n === 1 ? 'um candidato aguarda' : `${n} candidatos aguardam`} os seus horários`,
    lastReminderSubject: 'Último lembrete: precisamos dos seus horários de entrevista',
    waitingToBook: (n, minutes, roles) =>
      `${n === 1 ? 'Um candidato aguarda' : `${n} candidatos aguardam`} para agendar uma entrevista de ${minutes} minutos com você${roles}.`,
    stillWaitingFor: (n, minutes, roles) =>
      `${n === 1 ? 'Um candidato continua' : `${n} candidatos continuam`} aguardando uma entrevista de ${minutes} minutos com você${roles}.`,
    lastReminder: (n, roles) =>
      `${n === 1 ? 'Um candidato continua' : `${n} candidatos continuam`} aguardando${roles}. Sem os seus horários até amanhã, vamos avisar a equipe de recrutamento de que nenhum horário foi encontrado.`,
    roles: (roles) =>
      roles.length === 0
        ? ''
        : roles.length === 1
          ? ` para a vaga de ${roles[0]}`
          : ` para as vagas de ${list(roles, 'e')}`,
    replyWithTimes:
      'Responda a este e-mail com os horários em que você está livre nas próximas duas semanas, com suas palavras, por exemplo:',
    example: 'De segunda a quarta das 9h às 12h, quinta depois das 14h',
    readIn: (zone, example) =>
      `Os horários são lidos no fuso ${zone}, a menos que você indique outro (“${example}”).`,
    zoneExample: '10h–12h horário de Londres',
    orForm: (url) => `Ou marque-os em um calendário: ${url}`,
    linksFollow:
      'Cada candidato que está aguardando recebe um link de agendamento assim que os seus horários chegarem.',
    via: (org) => `— ${org}, via Parley`,
    savedSubject: 'Seus horários de entrevista foram salvos',
    understood: (zone) => `Obrigado. Foi isto que entendi (${zone}):`,
    couldNotRead: (parts) => `Não consegui ler: ${parts}.`,
    released: (n) =>
      n === 1
        ? 'O candidato que estava aguardando recebeu um link de agendamento.'
        : `Os ${n} candidatos que estavam aguardando receberam um link de agendamento.`,
    willBeOffered: 'Estes horários serão oferecidos aos candidatos.',
    correct: (url) =>
      `Algo errado? Corrija aqui: ${url} (ou responda novamente com os seus horários).`,
    clarifySubject: 'Quais horários funcionam para você?',
    sorry: 'Desculpe, não encontrei dias nem horários na sua resposta.',
    askAgain: (example, zone) =>
      `Você pode responder com os horários em que está livre nas próximas duas semanas, por exemplo “${example}” (${zone})?`,
    clarifyExample: 'terça das 10h às 12h e quinta depois das 15h',
  },
};

/** The examples an email gives, for the test that has the parser read them. */
export function emailExamples(language: AvailabilityLanguage) {
  const w = words[language];
  return { request: w.example, zone: w.zoneExample, clarification: w.clarifyExample };
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

export function requestEmail(context: RequestContext): AvailabilityEmail {
  const w = words[context.language ?? 'en'];
  const roles = w.roles(context.roles);
  const subject =
    context.reminder === 0
      ? w.subject(context.waiting)
      : context.reminder === 1
        ? w.reminderSubject(context.waiting)
        : w.lastReminderSubject;
  const opening =
    context.reminder === 0
      ? w.waitingToBook(context.waiting, context.duration, roles)
      : context.reminder === 1
        ? w.stillWaitingFor(context.waiting, context.duration, roles)
        : w.lastReminder(context.waiting, roles);
  const body = [
    w.hi(firstName(context.name)),
    opening,
    w.replyWithTimes,
    `    ${w.example}`,
    w.readIn(context.timezone, w.zoneExample),
    w.orForm(context.formUrl),
    w.linksFollow,
    w.via(context.organization),
  ].join('\n\n');
  return { subject, body };
}

export function confirmationEmail(context: {
  name: string;
  timezone: string;
  slots: WallTimeSlot[];
  released: number;
  formUrl: string;
  unparsed: string[];
  language?: AvailabilityLanguage;
}): AvailabilityEmail {
  const language = context.language ?? 'en';
  const w = words[language];
  const lines = [
    w.hi(firstName(context.name)),
    w.understood(context.timezone),
    describeSlots(context.slots, language)
      .map((line) => `    ${line}`)
      .join('\n'),
  ];
  if (context.unparsed.length > 0)
    lines.push(w.couldNotRead(context.unparsed.map((u) => `"${u}"`).join('; ')));
  lines.push(
    context.released > 0 ? w.released(context.released) : w.willBeOffered,
    w.correct(context.formUrl),
  );
  return { subject: w.savedSubject, body: lines.join('\n\n') };
}

export function clarificationEmail(context: {
  name: string;
  timezone: string;
  formUrl: string;
  language?: AvailabilityLanguage;
}): AvailabilityEmail {
  const w = words[context.language ?? 'en'];
  return {
    subject: w.clarifySubject,
    body: [
      w.hi(firstName(context.name)),
      w.sorry,
      w.askAgain(w.clarifyExample, context.timezone),
      w.orForm(context.formUrl),
    ].join('\n\n'),
  };
}
