import type { LlmReading } from '../../contracts/agent-llm';
import type { Understanding } from './understand-reply';

/**
 * The optional language model's part (DESIGN §7), pure: the prompt it gets, and what its
 * (already schema-checked) reading may change. It is asked only about replies the rules read as
 * unclear or as a question; it can pick only a start the agent proposed that is still offered.
 */
export type LlmContext = {
  reply: string;
  language: string;
  company: string | null;
  position: string | null;
  description: string | null;
  instructions: string | null;
  /** The agent's last proposal, as the candidate saw it ("Thursday, December 10 at 2:00 PM EST"). */
  proposal: string[];
};

export function llmMessages(context: LlmContext): { role: 'system' | 'user'; content: string }[] {
  const facts = [
    context.company ? `Company: ${context.company}` : null,
    context.position ? `Role: ${context.position}` : null,
    context.description ? `About the role: ${context.description}` : null,
    context.instructions ? `What you may say: ${context.instructions}` : null,
  ].filter(Boolean);
  return [
    {
      role: 'system',
      content: [
        'You read one message a job candidate sent to an interview-scheduling assistant.',
        'Answer with a JSON object only: {"intent": "QUESTION" | "MORE_TIME" | "CANCEL" | "OPT_OUT" | "PICK" | "UNCLEAR", "pick": number | null, "answer": string | null}.',
        'PICK: the candidate chose one of the numbered times below; "pick" is its number.',
        'MORE_TIME: none of the offered times suit them. CANCEL: they cannot attend. OPT_OUT: they want no more messages.',
        `QUESTION: they asked something. Set "answer" (in the language "${context.language}", at most two sentences) only when the facts below answer it; otherwise null. Never invent facts, times or promises.`,
        facts.length ? `Facts:\n${facts.join('\n')}` : 'Facts: none.',
        context.proposal.length
          ? `Times the assistant proposed:\n${context.proposal.map((p, i) => `${i + 1}. ${p}`).join('\n')}`
          : 'The assistant proposed no times.',
      ].join('\n\n'),
    },
    { role: 'user', content: context.reply },
  ];
}

/** The understanding the model's reading gives, or null to keep the rules' own. */
export function understandingFromLlm(
  reading: LlmReading,
  context: { offered: readonly number[]; lastProposal: readonly number[]; isBooked: boolean },
): Understanding | null {
  switch (reading.intent) {
    case 'PICK': {
      const start = reading.pick ? context.lastProposal[reading.pick - 1] : undefined;
      if (start === undefined || !context.offered.includes(start)) return null;
      return context.isBooked ? { intent: 'MOVE', start } : { intent: 'BOOK', start };
    }
    case 'QUESTION':
      return reading.answer
        ? { intent: 'ANSWERED', answer: reading.answer }
        : { intent: 'QUESTION' };
    case 'MORE_TIME':
      return { intent: 'MORE_TIME' };
    case 'CANCEL':
      return { intent: 'CANCEL' };
    case 'OPT_OUT':
      return { intent: 'OPT_OUT' };
    default:
      return null;
  }
}
