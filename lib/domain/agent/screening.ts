import type { ScreeningQuestion } from '../../contracts/campaign';
import { normalizeReply, understandReply } from './understand-reply';
import type { ReplyLanguage } from './reply-words';

/**
 * Screening (DESIGN §7), pure: a campaign's questions asked one by one, each answer read in the
 * campaign's language (yes / no, a number, or free text) and checked against its knockout.
 */
export type Question = {
  text: string;
  kind: 'YES_NO' | 'NUMBER' | 'FREE_TEXT';
  knockout?: { expected: 'YES' | 'NO' } | { min?: number; max?: number };
};

export type ScreeningAnswer = { question: string; answer: string; passed: boolean };

/** A question as the campaign holds it: a plain string is free text. */
export function toQuestion(q: ScreeningQuestion): Question {
  return typeof q === 'string' ? { text: q, kind: 'FREE_TEXT' } : q;
}

export const questionText = (q: ScreeningQuestion) => (typeof q === 'string' ? q : q.text);

/** The first number a reply names ("about 5 years", "3,5"), or null. */
export function readNumber(text: string): number | null {
  const match = /-?\d+(?:[.,]\d+)?/.exec(text);
  return match ? Number(match[0].replace(',', '.')) : null;
}

export type ScreeningReading = { readable: true; answer: ScreeningAnswer } | { readable: false };

/** Reads one answer to `question`; a yes/no or number question the reply does not answer is unreadable. */
export function readScreeningAnswer(
  q: ScreeningQuestion,
  text: string,
  context: {
    language: ReplyLanguage;
    channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
    zone: string;
    at: number;
  },
): ScreeningReading {
  const question = toQuestion(q);
  const trimmed = text.trim();
  if (question.kind === 'FREE_TEXT') {
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return { readable: false };
    return { readable: true, answer: { question: question.text, answer: trimmed, passed: true } };
  }
  if (question.kind === 'NUMBER') {
    const value = readNumber(normalizeReply(trimmed));
    if (value === null) return { readable: false };
    const limits = question.knockout && !('expected' in question.knockout) ? question.knockout : {};
    const passed =
      (limits.min === undefined || value >= limits.min) &&
      (limits.max === undefined || value <= limits.max);
    return { readable: true, answer: { question: question.text, answer: String(value), passed } };
  }
  const intent = understandReply({
    text: trimmed,
    channel: context.channel,
    language: context.language,
    zone: context.zone,
    receivedAt: context.at,
    offered: [],
  }).intent;
  if (intent !== 'YES' && intent !== 'NO') return { readable: false };
  const expected =
    question.knockout && 'expected' in question.knockout ? question.knockout.expected : null;
  return {
    readable: true,
    answer: {
      question: question.text,
      answer: intent,
      passed: expected === null || intent === expected,
    },
  };
}
