import type { ScreeningQuestion } from '../../contracts/campaign';
import type { ReplyLanguage } from './reply-words';
import { questionText } from './screening';

/**
 * The agent's first message to a candidate, in the campaign's language and tone. Pure:
 * everything it needs comes in as arguments.
 */
export type AgentTone = 'FRIENDLY' | 'PROFESSIONAL' | 'CASUAL';
export type OpeningChannel = 'SMS' | 'WHATSAPP' | 'EMAIL';

export type OpeningInput = {
  channel: OpeningChannel;
  tone: AgentTone;
  /** Default `en`. */
  language?: ReplyLanguage;
  firstName: string;
  agentName: string | null;
  company: string | null;
  position: string | null;
  /** The hosted booking page; null for a regular (not auto-schedule) conversation. */
  bookingUrl: string | null;
  /** Auto-collect: the interviewers' times are being asked for; no link yet. */
  isCollectingAvailability: boolean;
  closing:
    | { method: 'CALENDAR_MEETING_INTEGRATION' }
    | { method: 'CUSTOM'; customMessage: string }
    | { method: 'PHONE_NUMBER'; contactNumber: string }
    | { method: 'MEETING_URL'; meetingUrl: string };
  questions: ScreeningQuestion[];
};

export type OpeningMessage = { subject: string | null; body: string };

type Words = {
  greeting: Record<AgentTone, (name: string) => string>;
  thisIs: (agent: string) => string;
  reachingOut: string;
  from: (company: string) => string;
  about: (position: string) => string;
  invite: Record<AgentTone, string>;
  collecting: string;
  call: (number: string) => string;
  pickHere: (url: string) => string;
  inTouch: string;
  subject: (company: string | null) => string;
  team: string;
  /** Carriers expect the English keyword on SMS; the sentence around it is translated. */
  optOut: string;
  /** The booking link sent again: formal, or in the friendly and casual voice. */
  linkAgain: { formal: string; warm: string };
  linkAgainSubject: (company: string | null) => string;
};

const words: Record<ReplyLanguage, Words> = {
  en: {
    greeting: {
      FRIENDLY: (n) => `Hi ${n}!`,
      PROFESSIONAL: (n) => `Hello ${n},`,
      CASUAL: (n) => `Hey ${n}!`,
    },
    thisIs: (a) => `This is ${a}`,
    reachingOut: "We're reaching out",
    from: (c) => ` from ${c}`,
    about: (p) => ` about the ${p} role`,
    invite: {
      PROFESSIONAL: 'Please choose a time for your interview here:',
      CASUAL: 'Grab a time that works for you:',
      FRIENDLY: "Let's find a time for your interview — pick one that suits you:",
    },
    collecting:
      "We're checking the interviewers' calendars and will send you times to choose from shortly.",
    call: (n) => `Give us a call at ${n} when it suits you.`,
    pickHere: (u) => `You can pick a time here: ${u}`,
    inTouch: "We'll be in touch with next steps.",
    subject: (c) => (c ? `Your interview with ${c}` : 'Your interview'),
    team: 'The recruiting team',
    optOut: 'Reply STOP to opt out.',
    linkAgain: {
      formal: 'Here is your link again to choose a time for your interview:',
      warm: 'Here is your booking link again, pick a time that suits you:',
    },
    linkAgainSubject: (c) =>
      c ? `Your interview with ${c}: choose a time` : 'Your interview: choose a time',
  },
  es: {
    greeting: {
      FRIENDLY: (n) => `¡Hola ${n}!`,
      PROFESSIONAL: (n) => `Hola ${n}:`,
      CASUAL: (n) => `¡Hey ${n}!`,
    },
    thisIs: (a) => `Soy ${a}`,
    reachingOut: 'Te escribimos',
    from: (c) => ` de ${c}`,
    about: (p) => ` por el puesto de ${p}`,
    invite: {
      PROFESSIONAL: 'Elige aquí la hora de tu entrevista:',
      CASUAL: 'Elige la hora que te venga bien:',
      FRIENDLY: 'Busquemos una hora para tu entrevista; elige la que mejor te venga:',
    },
    collecting:
      'Estamos revisando las agendas del equipo y en breve te enviaremos horarios para elegir.',
    call: (n) => `Llámanos al ${n} cuando te venga bien.`,
    pickHere: (u) => `Puedes elegir una hora aquí: ${u}`,
    inTouch: 'Te contaremos los próximos pasos.',
    subject: (c) => (c ? `Tu entrevista con ${c}` : 'Tu entrevista'),
    team: 'El equipo de selección',
    optOut: 'Responde STOP para no recibir más mensajes.',
    linkAgain: {
      formal: 'Te enviamos de nuevo el enlace para elegir la hora de tu entrevista:',
      warm: 'Aquí tienes otra vez tu enlace; elige la hora que mejor te venga:',
    },
    linkAgainSubject: (c) =>
      c ? `Tu entrevista con ${c}: elige una hora` : 'Tu entrevista: elige una hora',
  },
  fr: {
    greeting: {
      FRIENDLY: (n) => `Bonjour ${n} !`,
      PROFESSIONAL: (n) => `Bonjour ${n},`,
      CASUAL: (n) => `Salut ${n} !`,
    },
    thisIs: (a) => `Ici ${a}`,
    reachingOut: 'Nous vous contactons',
    from: (c) => ` de ${c}`,
    about: (p) => ` au sujet du poste de ${p}`,
    invite: {
      PROFESSIONAL: 'Veuillez choisir un créneau pour votre entretien ici :',
      CASUAL: 'Choisissez le créneau qui vous va :',
      FRIENDLY: 'Trouvons un moment pour votre entretien ; choisissez celui qui vous convient :',
    },
    collecting:
      "Nous consultons les agendas de l'équipe et vous enverrons bientôt des créneaux au choix.",
    call: (n) => `Appelez-nous au ${n} quand cela vous convient.`,
    pickHere: (u) => `Vous pouvez choisir un créneau ici : ${u}`,
    inTouch: 'Nous reviendrons vers vous pour la suite.',
    subject: (c) => (c ? `Votre entretien avec ${c}` : 'Votre entretien'),
    team: "L'équipe recrutement",
    optOut: 'Répondez STOP pour ne plus recevoir de messages.',
    linkAgain: {
      formal: 'Voici de nouveau votre lien pour choisir le créneau de votre entretien :',
      warm: 'Voici encore votre lien ; choisissez le créneau qui vous convient :',
    },
    linkAgainSubject: (c) =>
      c
        ? `Votre entretien avec ${c} : choisissez un créneau`
        : 'Votre entretien : choisissez un créneau',
  },
  de: {
    greeting: {
      FRIENDLY: (n) => `Hallo ${n}!`,
      PROFESSIONAL: (n) => `Guten Tag ${n},`,
      CASUAL: (n) => `Hey ${n}!`,
    },
    thisIs: (a) => `Hier ist ${a}`,
    reachingOut: 'Wir melden uns',
    from: (c) => ` von ${c}`,
    about: (p) => ` wegen der Stelle als ${p}`,
    invite: {
      PROFESSIONAL: 'Bitte wählen Sie hier einen Termin für Ihr Gespräch:',
      CASUAL: 'Such dir einen passenden Termin aus:',
      FRIENDLY: 'Lassen Sie uns einen Termin für Ihr Gespräch finden – wählen Sie einen passenden:',
    },
    collecting:
      'Wir prüfen die Kalender des Teams und schicken Ihnen in Kürze Termine zur Auswahl.',
    call: (n) => `Rufen Sie uns unter ${n} an, wann es Ihnen passt.`,
    pickHere: (u) => `Hier können Sie einen Termin wählen: ${u}`,
    inTouch: 'Wir melden uns mit den nächsten Schritten.',
    subject: (c) => (c ? `Ihr Gespräch mit ${c}` : 'Ihr Gespräch'),
    team: 'Das Recruiting-Team',
    optOut: 'Antworten Sie STOP, um keine Nachrichten mehr zu erhalten.',
    linkAgain: {
      formal: 'Hier noch einmal Ihr Link, um einen Termin für Ihr Gespräch zu wählen:',
      warm: 'Hier ist noch einmal Ihr Buchungslink – wählen Sie einen passenden Termin:',
    },
    linkAgainSubject: (c) =>
      c ? `Ihr Gespräch mit ${c}: Termin wählen` : 'Ihr Gespräch: Termin wählen',
  },
  pt: {
    greeting: {
      FRIENDLY: (n) => `Olá ${n}!`,
      PROFESSIONAL: (n) => `Olá ${n},`,
      CASUAL: (n) => `Oi ${n}!`,
    },
    thisIs: (a) => `Aqui é ${a}`,
    reachingOut: 'Estamos entrando em contato',
    from: (c) => ` da ${c}`,
    about: (p) => ` sobre a vaga de ${p}`,
    invite: {
      PROFESSIONAL: 'Escolha aqui o horário da sua entrevista:',
      CASUAL: 'Escolha o horário que for melhor para você:',
      FRIENDLY: 'Vamos encontrar um horário para a sua entrevista — escolha o que preferir:',
    },
    collecting:
      'Estamos vendo as agendas da equipe e em breve enviaremos horários para você escolher.',
    call: (n) => `Ligue para ${n} quando for conveniente para você.`,
    pickHere: (u) => `Você pode escolher um horário aqui: ${u}`,
    inTouch: 'Entraremos em contato com os próximos passos.',
    subject: (c) => (c ? `Sua entrevista com a ${c}` : 'Sua entrevista'),
    team: 'A equipe de recrutamento',
    optOut: 'Responda STOP para deixar de receber mensagens.',
    linkAgain: {
      formal: 'Enviamos novamente o link para escolher o horário da sua entrevista:',
      warm: 'Aqui está de novo o seu link — escolha o horário que preferir:',
    },
    linkAgainSubject: (c) =>
      c ? `Sua entrevista com a ${c}: escolha um horário` : 'Sua entrevista: escolha um horário',
  },
};

function introduction(input: OpeningInput, w: Words): string {
  const who = input.agentName ? w.thisIs(input.agentName) : w.reachingOut;
  const from = input.company ? w.from(input.company) : '';
  const role = input.position ? w.about(input.position) : '';
  return `${who}${from}${role}.`;
}

function ask(input: OpeningInput, w: Words): string {
  if (input.isCollectingAvailability) return w.collecting;
  if (input.bookingUrl) return `${w.invite[input.tone]} ${input.bookingUrl}`;
  if (input.questions.length > 0) return questionText(input.questions[0]!);
  switch (input.closing.method) {
    case 'CUSTOM':
      return input.closing.customMessage;
    case 'PHONE_NUMBER':
      return w.call(input.closing.contactNumber);
    case 'MEETING_URL':
      return w.pickHere(input.closing.meetingUrl);
    default:
      return w.inTouch;
  }
}

/** How the agent's emails sign off: its name, else the company, else the team. */
function signature(input: Pick<OpeningInput, 'agentName' | 'company'>, w: Words): string {
  return input.agentName ?? input.company ?? w.team;
}

/** The booking link sent again (a recruiter asked for it): the same link, a short note. */
export function bookingLinkReminder(
  input: Pick<
    OpeningInput,
    'channel' | 'tone' | 'language' | 'firstName' | 'agentName' | 'company'
  > & {
    bookingUrl: string;
  },
): OpeningMessage {
  const w = words[input.language ?? 'en'];
  const greeting = w.greeting[input.tone](input.firstName);
  const ask = `${input.tone === 'PROFESSIONAL' ? w.linkAgain.formal : w.linkAgain.warm} ${input.bookingUrl}`;
  if (input.channel === 'EMAIL') {
    return {
      subject: w.linkAgainSubject(input.company),
      body: `${greeting}\n\n${ask}\n\n${signature(input, w)}`,
    };
  }
  return { subject: null, body: `${greeting} ${ask} ${w.optOut}` };
}

export function openingMessage(input: OpeningInput): OpeningMessage {
  const w = words[input.language ?? 'en'];
  const lines = [w.greeting[input.tone](input.firstName), introduction(input, w), ask(input, w)];
  if (input.channel === 'EMAIL') {
    return {
      subject: w.subject(input.company),
      body: `${lines.join('\n\n')}\n\n${signature(input, w)}`,
    };
  }
  // Text channels: one message, with the opt-out carriers expect.
  return { subject: null, body: `${lines.join(' ')} ${w.optOut}` };
}
