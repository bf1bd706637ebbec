import { describe, expect, it } from 'vitest';
import { llmReadingSchema } from '../../contracts/agent-llm';
import { llmMessages, understandingFromLlm } from './llm-reading';

const offered = [1000, 2000, 3000];

describe('the language model’s reading', () => {
  it('can pick only a start the agent proposed that is still offered', () => {
    const pick = (n: number) => llmReadingSchema.parse({ intent: 'PICK', pick: n });
    const context = { offered, lastProposal: [2000, 9999], isBooked: false };
    expect(understandingFromLlm(pick(1), context)).toEqual({ intent: 'BOOK', start: 2000 });
    // Proposed once, no longer offered; or beyond the proposal: the rules decide.
    expect(understandingFromLlm(pick(2), context)).toBeNull();
    expect(understandingFromLlm(pick(3), context)).toBeNull();
    expect(understandingFromLlm(pick(1), { ...context, isBooked: true })).toEqual({
      intent: 'MOVE',
      start: 2000,
    });
  });

  it('answers a question only with an answer, and leaves an unclear reply to the rules', () => {
    const context = { offered, lastProposal: [], isBooked: false };
    expect(
      understandingFromLlm(
        llmReadingSchema.parse({ intent: 'QUESTION', answer: ' Yes. ' }),
        context,
      ),
    ).toEqual({ intent: 'ANSWERED', answer: 'Yes.' });
    expect(
      understandingFromLlm(llmReadingSchema.parse({ intent: 'QUESTION', answer: null }), context),
    ).toEqual({ intent: 'QUESTION' });
    expect(understandingFromLlm(llmReadingSchema.parse({ intent: 'UNCLEAR' }), context)).toBeNull();
  });

  it('refuses output outside the contract', () => {
    expect(
      llmReadingSchema.safeParse({ intent: 'BOOK', start: '2026-12-08T19:00:00Z' }).success,
    ).toBe(false);
    expect(llmReadingSchema.safeParse({ intent: 'PICK', pick: 0 }).success).toBe(false);
    expect(
      llmReadingSchema.safeParse({ intent: 'QUESTION', answer: 'x'.repeat(601) }).success,
    ).toBe(false);
  });

  it('gives the model the facts and the numbered proposal, and the reply alone as the user', () => {
    const messages = llmMessages({
      reply: 'is it remote?',
      language: 'es',
      company: 'Acme',
      position: null,
      description: null,
      instructions: 'Fully remote.',
      proposal: ['Tuesday, December 8 at 2:00 PM EST'],
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.content).toContain('Company: Acme');
    expect(messages[0]!.content).toContain('What you may say: Fully remote.');
    expect(messages[0]!.content).toContain('1. Tuesday, December 8 at 2:00 PM EST');
    expect(messages[0]!.content).toContain('"es"');
    expect(messages[1]).toEqual({ role: 'user', content: 'is it remote?' });
  });
});
