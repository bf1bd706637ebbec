import type { AgentMessage } from './conversation-machine';
import type { ReplyLanguage } from './reply-words';

/**
 * What the agent writes back to a candidate (DESIGN §7), in the campaign's language. Pure: the
 * message the machine chose, the candidate's zone and the links come in; the text goes out.
 * Dates are written by `Intl` in the candidate's zone, with the zone named, so "2" in reply to a
 * proposal can never be read against another clock.
 */
export type ReplyMessage =
  | AgentMessage
  /** A booking by reply committed (the same meeting the page would have made). */
  | { kind: 'BOOKED'; start: number }
  | { kind: 'MOVED'; start: number }
  /** `reminderMinutesBefore` the meeting, with the link to move it. */
  | { kind: 'REMINDER'; start: number };

/** What must wait for a reply's commit: a booking, a move or a cancel, then the messages about it. */
export type DeferredAction =
  | { type: 'BOOK' | 'RESCHEDULE'; start: number; then: ReplyMessage[] }
  | { type: 'CANCEL_MEETING'; then: ReplyMessage[] };

export type ReplyInput = {
  message: ReplyMessage;
  language: ReplyLanguage;
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  firstName: string;
  /** The candidate's zone (the booking page's choice, else the meeting's). */
  zone: string;
  bookingUrl: string | null;
  company: string | null;
  /** A regular conversation's screening: its questions and the campaign's closing words. */
  screening?: {
    questions: string[];
    rejectionMessage: string | null;
    closingMessage: string | null;
    /** The closing method's step ("call us at …", a link, a custom message), if any. */
    closingStep: string | null;
  };
};

export type ReplyText = { subject: string | null; body: string };

type Catalog = {
  proposal: (list: string) => string;
  pickHint: string;
  noTimes: (link: string) => string;
  moreTime: (link: string) => string;
  confirmCancel: string;
  cancelled: (link: string) => string;
  kept: string;
  clarify: (link: string) => string;
  holding: string;
  nudge: (name: string, link: string) => string;
  /** Without a booking link (a regular conversation). */
  nudgePlain: (name: string) => string;
  clarifyPlain: string;
  bookingLink: (name: string, link: string) => string;
  booked: (when: string) => string;
  moved: (when: string) => string;
  reminder: (when: string, link: string) => string;
  again: string;
  rejected: string;
  passed: string;
  optedOut: string;
  subject: (company: string | null) => string;
};

const catalogs: Record<ReplyLanguage, Catalog> = {
  en: {
    again: "Sorry, I didn't catch that.",
    rejected:
      "Thank you for your answers. Unfortunately we can't move forward with your application for this role. We wish you all the best.",
    passed: "Thank you, that's everything we needed!",
    reminder: (when, link) => `Reminder: your interview is ${when}. Need another time? ${link}`,
    nudgePlain: (name) => `Hi ${name}, just checking in: reply whenever you have a moment.`,
    clarifyPlain: "Sorry, I didn't catch that. Could you say it another way?",
    proposal: (list) => `Here are times that are open:\n${list}`,
    pickHint: 'Reply with the number of the one you want.',
    noTimes: (link) =>
      `Sorry, nothing is open then. We've asked the team for more times; meanwhile every open time is here: ${link}`,
    moreTime: (link) =>
      `Thanks, we've asked the team for more times and will be back to you. Every open time is here: ${link}`,
    confirmCancel: 'Do you want to cancel your interview? Reply YES to cancel or NO to keep it.',
    cancelled: (link) => `Your interview is cancelled. If you'd like a new time: ${link}`,
    kept: 'Great, your interview stays as planned.',
    clarify: (link) =>
      `Sorry, I didn't catch that. Tell me a day and time that suits you (for example "Tuesday at 2pm"), or pick one here: ${link}`,
    holding: 'Thanks for your message! Someone from the team will get back to you shortly.',
    nudge: (name, link) =>
      `Hi ${name}, just checking in: you can pick a time for your interview here: ${link}`,
    bookingLink: (name, link) =>
      `Hi ${name}, times are open now. Pick the one that suits you: ${link}`,
    booked: (when) => `You're booked: ${when}. You'll get a calendar invitation shortly.`,
    moved: (when) => `Done, your interview is moved to ${when}.`,
    optedOut: "You're unsubscribed and won't hear from us again. Reply START to opt back in.",
    subject: (company) => (company ? `Your interview with ${company}` : 'Your interview'),
  },
  es: {
    again: 'Perdona, no te he entendido.',
    rejected:
      'Gracias por tus respuestas. Lamentablemente no podemos seguir adelante con tu candidatura para este puesto. Te deseamos lo mejor.',
    passed: '¡Gracias, eso es todo lo que necesitábamos!',
    reminder: (when, link) =>
      `Recordatorio: tu entrevista es el ${when}. ¿Necesitas otro horario? ${link}`,
    nudgePlain: (name) =>
      `Hola ${name}, solo quería saber de ti: responde cuando tengas un momento.`,
    clarifyPlain: 'Perdona, no te he entendido. ¿Puedes decirlo de otra forma?',
    proposal: (list) => `Estos horarios están libres:\n${list}`,
    pickHint: 'Responde con el número del que prefieras.',
    noTimes: (link) =>
      `Lo siento, no hay nada libre entonces. Hemos pedido más horarios al equipo; mientras tanto, todos los horarios libres están aquí: ${link}`,
    moreTime: (link) =>
      `Gracias, hemos pedido más horarios al equipo y te escribiremos. Todos los horarios libres: ${link}`,
    confirmCancel:
      '¿Quieres cancelar tu entrevista? Responde SÍ para cancelarla o NO para mantenerla.',
    cancelled: (link) => `Tu entrevista está cancelada. Si quieres otro horario: ${link}`,
    kept: 'Perfecto, tu entrevista sigue como estaba.',
    clarify: (link) =>
      `Perdona, no te he entendido. Dime un día y una hora (por ejemplo "el martes a las 3 de la tarde") o elige aquí: ${link}`,
    holding: '¡Gracias por tu mensaje! Alguien del equipo te responderá pronto.',
    nudge: (name, link) =>
      `Hola ${name}, te recuerdo que puedes elegir la hora de tu entrevista aquí: ${link}`,
    bookingLink: (name, link) =>
      `Hola ${name}, ya hay horarios disponibles. Elige el que te venga bien: ${link}`,
    booked: (when) => `¡Reservado! ${when}. Recibirás una invitación de calendario en breve.`,
    moved: (when) => `Hecho, tu entrevista pasa al ${when}.`,
    optedOut: 'Te has dado de baja y no volverás a saber de nosotros. Responde START para volver.',
    subject: (company) => (company ? `Tu entrevista con ${company}` : 'Tu entrevista'),
  },
  fr: {
    again: "Désolé, je n'ai pas compris.",
    rejected:
      'Merci pour vos réponses. Malheureusement, nous ne pouvons pas donner suite à votre candidature pour ce poste. Nous vous souhaitons le meilleur.',
    passed: "Merci, nous avons tout ce qu'il nous faut !",
    reminder: (when, link) =>
      `Rappel : votre entretien est le ${when}. Besoin d'un autre créneau ? ${link}`,
    nudgePlain: (name) =>
      `Bonjour ${name}, je reviens vers vous : répondez quand vous aurez un moment.`,
    clarifyPlain: "Désolé, je n'ai pas compris. Pouvez-vous le dire autrement ?",
    proposal: (list) => `Voici des créneaux libres :\n${list}`,
    pickHint: 'Répondez avec le numéro de celui qui vous convient.',
    noTimes: (link) =>
      `Désolé, rien n'est libre à ce moment-là. Nous avons demandé d'autres créneaux à l'équipe ; en attendant, tous les créneaux libres sont ici : ${link}`,
    moreTime: (link) =>
      `Merci, nous avons demandé d'autres créneaux à l'équipe et revenons vers vous. Tous les créneaux libres : ${link}`,
    confirmCancel:
      'Voulez-vous annuler votre entretien ? Répondez OUI pour annuler ou NON pour le garder.',
    cancelled: (link) => `Votre entretien est annulé. Pour choisir un autre créneau : ${link}`,
    kept: 'Parfait, votre entretien est maintenu.',
    clarify: (link) =>
      `Désolé, je n'ai pas compris. Indiquez-moi un jour et une heure (par exemple « mardi 15h ») ou choisissez ici : ${link}`,
    holding: "Merci pour votre message ! Quelqu'un de l'équipe vous répondra rapidement.",
    nudge: (name, link) =>
      `Bonjour ${name}, vous pouvez toujours choisir l'heure de votre entretien ici : ${link}`,
    bookingLink: (name, link) =>
      `Bonjour ${name}, des créneaux sont ouverts. Choisissez celui qui vous convient : ${link}`,
    booked: (when) => `C'est réservé : ${when}. Vous recevrez une invitation d'agenda sous peu.`,
    moved: (when) => `C'est fait, votre entretien est déplacé au ${when}.`,
    optedOut: 'Vous êtes désinscrit et ne recevrez plus de messages. Répondez START pour revenir.',
    subject: (company) => (company ? `Votre entretien avec ${company}` : 'Votre entretien'),
  },
  de: {
    again: 'Entschuldigung, das habe ich nicht verstanden.',
    rejected:
      'Danke für Ihre Antworten. Leider können wir Ihre Bewerbung für diese Stelle nicht weiter berücksichtigen. Wir wünschen Ihnen alles Gute.',
    passed: 'Danke, das ist alles, was wir brauchen!',
    reminder: (when, link) =>
      `Erinnerung: Ihr Gespräch ist am ${when}. Anderer Termin nötig? ${link}`,
    nudgePlain: (name) =>
      `Hallo ${name}, ich melde mich noch einmal: antworten Sie, wann es Ihnen passt.`,
    clarifyPlain: 'Entschuldigung, das habe ich nicht verstanden. Können Sie es anders sagen?',
    proposal: (list) => `Diese Termine sind frei:\n${list}`,
    pickHint: 'Antworten Sie mit der Nummer des passenden Termins.',
    noTimes: (link) =>
      `Leider ist dann nichts frei. Wir haben das Team um weitere Termine gebeten; alle freien Termine finden Sie hier: ${link}`,
    moreTime: (link) =>
      `Danke, wir haben das Team um weitere Termine gebeten und melden uns. Alle freien Termine: ${link}`,
    confirmCancel:
      'Möchten Sie Ihr Gespräch absagen? Antworten Sie JA zum Absagen oder NEIN, um es zu behalten.',
    cancelled: (link) => `Ihr Gespräch ist abgesagt. Für einen neuen Termin: ${link}`,
    kept: 'Prima, Ihr Gespräch bleibt wie geplant.',
    clarify: (link) =>
      `Entschuldigung, das habe ich nicht verstanden. Nennen Sie mir einen Tag und eine Uhrzeit (zum Beispiel „Dienstag um 14 Uhr“) oder wählen Sie hier: ${link}`,
    holding: 'Danke für Ihre Nachricht! Jemand aus dem Team meldet sich in Kürze.',
    nudge: (name, link) =>
      `Hallo ${name}, Sie können hier weiterhin einen Termin für Ihr Gespräch wählen: ${link}`,
    bookingLink: (name, link) =>
      `Hallo ${name}, es gibt jetzt freie Termine. Wählen Sie Ihren: ${link}`,
    booked: (when) => `Gebucht: ${when}. Sie erhalten in Kürze eine Kalendereinladung.`,
    moved: (when) => `Erledigt, Ihr Gespräch ist verschoben auf ${when}.`,
    optedOut:
      'Sie sind abgemeldet und hören nichts mehr von uns. Antworten Sie START, um zurückzukehren.',
    subject: (company) => (company ? `Ihr Gespräch mit ${company}` : 'Ihr Gespräch'),
  },
  pt: {
    again: 'Desculpe, não entendi.',
    rejected:
      'Obrigado pelas suas respostas. Infelizmente não vamos seguir com a sua candidatura para esta vaga. Desejamos tudo de bom para você.',
    passed: 'Obrigado, era tudo o que precisávamos!',
    reminder: (when, link) =>
      `Lembrete: sua entrevista é ${when}. Precisa de outro horário? ${link}`,
    nudgePlain: (name) =>
      `Oi ${name}, passando para saber de você: responda quando tiver um momento.`,
    clarifyPlain: 'Desculpe, não entendi. Pode dizer de outro jeito?',
    proposal: (list) => `Estes horários estão livres:\n${list}`,
    pickHint: 'Responda com o número do que preferir.',
    noTimes: (link) =>
      `Desculpe, não há nada livre nesse horário. Pedimos mais horários à equipe; enquanto isso, todos os horários livres estão aqui: ${link}`,
    moreTime: (link) =>
      `Obrigado, pedimos mais horários à equipe e voltaremos a falar com você. Todos os horários livres: ${link}`,
    confirmCancel: 'Quer cancelar sua entrevista? Responda SIM para cancelar ou NÃO para mantê-la.',
    cancelled: (link) => `Sua entrevista foi cancelada. Se quiser outro horário: ${link}`,
    kept: 'Ótimo, sua entrevista está mantida.',
    clarify: (link) =>
      `Desculpe, não entendi. Diga um dia e um horário (por exemplo "terça às 14h") ou escolha aqui: ${link}`,
    holding: 'Obrigado pela sua mensagem! Alguém da equipe vai responder em breve.',
    nudge: (name, link) =>
      `Oi ${name}, você ainda pode escolher o horário da sua entrevista aqui: ${link}`,
    bookingLink: (name, link) => `Oi ${name}, já temos horários livres. Escolha o seu: ${link}`,
    booked: (when) => `Agendado: ${when}. Você vai receber um convite de calendário em breve.`,
    moved: (when) => `Pronto, sua entrevista foi remarcada para ${when}.`,
    optedOut:
      'Você cancelou a inscrição e não receberá mais mensagens nossas. Responda START para voltar.',
    subject: (company) => (company ? `Sua entrevista com a ${company}` : 'Sua entrevista'),
  },
};

const locales: Record<ReplyLanguage, string> = {
  en: 'en-US',
  es: 'es-ES',
  fr: 'fr-FR',
  de: 'de-DE',
  pt: 'pt-BR',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Tuesday, December 8, 2:00 PM GMT-5" in the candidate's language and zone. */
export function formatStart(start: number, language: ReplyLanguage, zone: string): string {
  const key = `${language} ${zone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      timeZone: zone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formatters.set(key, format);
  }
  return format.format(new Date(start));
}

/** The subject of the agent's emails in `language` ("Your interview with Acme"). */
export function replySubject(language: ReplyLanguage, company: string | null): string {
  return catalogs[language].subject(company);
}

export function agentReply(input: ReplyInput): ReplyText {
  const c = catalogs[input.language];
  const link = input.bookingUrl ?? '';
  const at = (start: number) => formatStart(start, input.language, input.zone);
  const m = input.message;
  const body = (() => {
    switch (m.kind) {
      case 'PROPOSAL':
        return `${c.proposal(m.starts.map((s, i) => `${i + 1}. ${at(s)}`).join('\n'))}\n${c.pickHint}`;
      case 'NO_TIMES':
        return c.noTimes(link);
      case 'MORE_TIME_ACKNOWLEDGED':
        return c.moreTime(link);
      case 'CONFIRM_CANCEL':
        return c.confirmCancel;
      case 'CANCELLED':
        return c.cancelled(link);
      case 'KEPT':
        return c.kept;
      case 'CLARIFY':
        return link ? c.clarify(link) : c.clarifyPlain;
      case 'HOLDING':
        return c.holding;
      case 'ANSWER':
        return m.text;
      case 'NUDGE':
        return link ? c.nudge(input.firstName, link) : c.nudgePlain(input.firstName);
      case 'BOOKING_LINK':
        return c.bookingLink(input.firstName, link);
      case 'BOOKED':
        return c.booked(at(m.start));
      case 'MOVED':
        return c.moved(at(m.start));
      case 'REMINDER':
        return c.reminder(at(m.start), link);
      case 'OPT_OUT_CONFIRMATION':
        return c.optedOut;
      case 'SCREENING_QUESTION': {
        const question = input.screening?.questions[m.index] ?? '';
        return m.again ? `${c.again} ${question}` : question;
      }
      case 'SCREENING_REJECTED':
        return input.screening?.rejectionMessage ?? c.rejected;
      case 'SCREENING_PASSED':
        return [input.screening?.closingMessage ?? c.passed, input.screening?.closingStep]
          .filter(Boolean)
          .join(' ');
      case 'OPENING':
        // The opening has its own composer (opening-message.ts); the machine never asks here.
        return c.bookingLink(input.firstName, link);
    }
  })();
  return {
    subject: input.channel === 'EMAIL' ? c.subject(input.company) : null,
    body,
  };
}
