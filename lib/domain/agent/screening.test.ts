import { describe, expect, it } from 'vitest';
import { readNumber, readScreeningAnswer, toQuestion } from './screening';

const context = { channel: 'SMS' as const, zone: 'UTC', at: Date.UTC(2026, 11, 7, 10) };
const yesNo = {
  text: 'Can you work weekends?',
  kind: 'YES_NO' as const,
  knockout: { expected: 'YES' as const },
};
const years = {
  text: 'Years of experience?',
  kind: 'NUMBER' as const,
  knockout: { min: 2, max: 30 },
};

describe('screening answers', () => {
  it('reads yes and no in every language and checks the knockout', () => {
    for (const [language, yes, no] of [
      ['en', 'yes', 'no'],
      ['es', 'sí', 'no'],
      ['fr', 'oui', 'non'],
      ['de', 'ja', 'nein'],
      ['pt', 'sim', 'não'],
    ] as const) {
      expect(readScreeningAnswer(yesNo, yes, { ...context, language })).toMatchObject({
        readable: true,
        answer: { answer: 'YES', passed: true },
      });
      expect(readScreeningAnswer(yesNo, no, { ...context, language })).toMatchObject({
        readable: true,
        answer: { answer: 'NO', passed: false },
      });
    }
    expect(readScreeningAnswer(yesNo, 'perhaps', { ...context, language: 'en' })).toEqual({
      readable: false,
    });
  });

  it('reads the first number and its range', () => {
    expect(readNumber('about 3,5 years')).toBe(3.5);
    expect(readNumber('none')).toBeNull();
    const read = (text: string) => readScreeningAnswer(years, text, { ...context, language: 'en' });
    expect(read('5 years')).toMatchObject({ answer: { answer: '5', passed: true } });
    expect(read('1')).toMatchObject({ answer: { passed: false } });
    expect(read('40')).toMatchObject({ answer: { passed: false } });
    expect(read('lots')).toEqual({ readable: false });
  });

  it('takes any words for a free-text question, and a string as one', () => {
    expect(toQuestion('Notice period?')).toEqual({ text: 'Notice period?', kind: 'FREE_TEXT' });
    const read = (text: string) =>
      readScreeningAnswer('Notice period?', text, { ...context, language: 'en' });
    expect(read(' Two weeks ')).toMatchObject({ answer: { answer: 'Two weeks', passed: true } });
    expect(read('...')).toEqual({ readable: false });
  });
});
