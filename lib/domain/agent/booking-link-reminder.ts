import type { AgentTone, OpeningChannel } from './opening-message';

export type ReminderInput = {
  channel: OpeningChannel;
  tone: AgentTone;
  firstName: string;
  agentName: string | null;
  company: string | null;
  bookingUrl: string;
};

/** The booking link sent again (a recruiter asked for it): the same link, a short note. Pure. */
export function bookingLinkReminder(input: ReminderInput): {
  subject: string | null;
  body: string;
} {
  const greeting =
    input.tone === 'PROFESSIONAL'
      ? `Hello ${input.firstName},`
      : input.tone === 'CASUAL'
        ? `Hey ${input.firstName}!`
        : `Hi ${input.firstName}!`;
  const ask =
    input.tone === 'PROFESSIONAL'
      ? 'Here is your link again to choose a time for your interview:'
      : 'Here is your booking link again, pick a time that suits you:';
  if (input.channel === 'EMAIL') {
    const subject = input.company
      ? `Your interview with ${input.company}: choose a time`
      : 'Your interview: choose a time';
    const signature = input.agentName ?? input.company ?? 'The recruiting team';
    return { subject, body: `${greeting}\n\n${ask} ${input.bookingUrl}\n\n${signature}` };
  }
  return { subject: null, body: `${greeting} ${ask} ${input.bookingUrl} Reply STOP to opt out.` };
}
