import type { ScreeningQuestion } from '../../contracts/campaign';
import { questionText } from './screening';

/**
 * The agent's first message to a candidate. Pure: everything it needs comes in as arguments.
 */
export type AgentTone = 'FRIENDLY' | 'PROFESSIONAL' | 'CASUAL';
export type OpeningChannel = 'SMS' | 'WHATSAPP' | 'EMAIL';

export type OpeningInput = {
  channel: OpeningChannel;
  tone: AgentTone;
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

const greetings: Record<AgentTone, (name: string) => string> = {
  FRIENDLY: (name) => `Hi ${name}!`,
  PROFESSIONAL: (name) => `Hello ${name},`,
  CASUAL: (name) => `Hey ${name}!`,
};

function introduction(input: OpeningInput): string {
  const who = input.agentName ? `This is ${input.agentName}` : "We're reaching out";
  const from = input.company ? ` from ${input.company}` : '';
  const role = input.position ? ` about the ${input.position} role` : '';
  return `${who}${from}${role}.`;
}

function ask(input: OpeningInput): string {
  if (input.isCollectingAvailability) {
    return "We're checking the interviewers' calendars and will send you times to choose from shortly.";
  }
  if (input.bookingUrl) {
    const invite =
      input.tone === 'PROFESSIONAL'
        ? 'Please choose a time for your interview here:'
        : input.tone === 'CASUAL'
          ? 'Grab a time that works for you:'
          : "Let's find a time for your interview — pick one that suits you:";
    return `${invite} ${input.bookingUrl}`;
  }
  if (input.questions.length > 0) return questionText(input.questions[0]!);
  switch (input.closing.method) {
    case 'CUSTOM':
      return input.closing.customMessage;
    case 'PHONE_NUMBER':
      return `Give us a call at ${input.closing.contactNumber} when it suits you.`;
    case 'MEETING_URL':
      return `You can pick a time here: ${input.closing.meetingUrl}`;
    default:
      return "We'll be in touch with next steps.";
  }
}

export function openingMessage(input: OpeningInput): OpeningMessage {
  const lines = [greetings[input.tone](input.firstName), introduction(input), ask(input)];
  if (input.channel === 'EMAIL') {
    const subject = input.company ? `Your interview with ${input.company}` : 'Your interview';
    return {
      subject,
      body: `${lines.join('\n\n')}\n\n${input.agentName ?? input.company ?? 'The recruiting team'}`,
    };
  }
  // Text channels: one message, with the opt-out carriers expect.
  return { subject: null, body: `${lines.join(' ')} Reply STOP to opt out.` };
}
