import { describe, expect, it } from 'vitest';
import { corpusContext, expectedStarts, replyCorpus } from './reply-corpus';
import { replyLanguages } from './reply-words';
import { namedStarts, normalizeReply, replyBody, understandReply } from './understand-reply';

describe('the labelled corpus of candidate replies', () => {
  it('holds at least 300 replies, at least 40 per language', () => {
    expect(replyCorpus.length).toBeGreaterThanOrEqual(300);
    for (const language of replyLanguages)
      expect(replyCorpus.filter((e) => e.language === language).length).toBeGreaterThanOrEqual(40);
  });

  for (const language of replyLanguages) {
    describe(language, () => {
      for (const entry of replyCorpus.filter((e) => e.language === language)) {
        const label = `${JSON.stringify(entry.text.split('\n')[0])} → ${entry.intent}${entry.starts ? ` ${entry.starts.join(', ')}` : ''}`;
        it(label, () => {
          const context = corpusContext(entry);
          const answer = understandReply(context);
          const starts = namedStarts(answer);
          expect({ intent: answer.intent, starts }).toEqual({
            intent: entry.intent,
            starts: expectedStarts(entry),
          });
          // Whatever it names is offered (DESIGN §7: never a start that is not offered).
          for (const start of starts ?? []) expect(context.offered).toContain(start);
        });
      }
    });
  }
});

describe('understandReply around the corpus', () => {
  const base = corpusContext({ language: 'en', text: '', intent: 'UNCLEAR' });

  it('opts out by keyword only on SMS and WhatsApp; by email "cancel" is not an opt-out', () => {
    expect(understandReply({ ...base, text: 'END', channel: 'WHATSAPP' }).intent).toBe('OPT_OUT');
    expect(understandReply({ ...base, text: 'end', channel: 'EMAIL' }).intent).toBe('UNCLEAR');
    expect(
      understandReply({ ...base, text: 'Cancel', channel: 'EMAIL', meetingStart: base.offered[2]! })
        .intent,
    ).toBe('CANCEL');
    expect(understandReply({ ...base, text: 'UNSTOP' }).intent).toBe('OPT_IN');
  });

  it('proposes the nearest offered starts when nothing is offered where the reply points', () => {
    const answer = understandReply({ ...base, text: 'Saturday at 10am' });
    expect(answer).toMatchObject({ intent: 'PROPOSE', match: 'NEAREST' });
    if (answer.intent !== 'PROPOSE') throw new Error('not a proposal');
    expect(answer.starts).toHaveLength(3);
    for (const start of answer.starts) expect(base.offered).toContain(start);
  });

  it('offers nothing when nothing is offered at all', () => {
    const answer = understandReply({ ...base, text: 'Tuesday at 2pm works', offered: [] });
    expect(answer).toEqual({ intent: 'PROPOSE', starts: [], match: 'NEAREST' });
  });

  it('keeps the reply above quoted history and signatures', () => {
    expect(replyBody('Works!\n\nOn Mon, Dec 7 Parley wrote:\n> earlier')).toBe('Works!');
    expect(replyBody('Yes\n-- \nSam\n')).toBe('Yes');
    expect(replyBody('Ja\n\n-----Ursprüngliche Nachricht-----\nVon: Parley')).toBe('Ja');
    expect(normalizeReply('  Mañana   à 9H’30 ')).toBe("manana a 9h'30");
  });
});
