/**
 * Benchmark of reply understanding (`npm run bench:agent`): accuracy on the labelled corpus per
 * language and per intent, and throughput on one core, each beside its target.
 * Targets (issue: the agent converses): ≥ 97 % of intents and ≥ 97 % of times right in every
 * language; ≥ 2,000 replies/s; an inbound SMS answered at Twilio within p99 ≤ 300 ms at 50 a
 * second on PostgreSQL (scripts/bench-agent-inbound.ts; `--no-inbound` skips it).
 */
import { benchInbound } from './bench-agent-inbound';
import { corpusContext, expectedStarts, replyCorpus } from '@/lib/domain/agent/reply-corpus';
import { replyLanguages } from '@/lib/domain/agent/reply-words';
import { namedStarts, understandReply } from '@/lib/domain/agent/understand-reply';

type Tally = { right: number; total: number };
const tally = () => ({ right: 0, total: 0 });
const pct = (t: Tally) => (t.total === 0 ? '—' : `${((100 * t.right) / t.total).toFixed(1)} %`);

const contexts = replyCorpus.map((entry) => ({ entry, context: corpusContext(entry) }));
const intents = new Map<string, Tally>();
const byLanguage = new Map(replyLanguages.map((l) => [l, { intents: tally(), times: tally() }]));
const wrong: string[] = [];

for (const { entry, context } of contexts) {
  const answer = understandReply(context);
  const starts = namedStarts(answer);
  const language = byLanguage.get(entry.language)!;
  const intent = intents.get(entry.intent) ?? tally();
  intents.set(entry.intent, intent);
  const intentRight = answer.intent === entry.intent;
  intent.total++;
  language.intents.total++;
  if (intentRight) {
    intent.right++;
    language.intents.right++;
  }
  const expected = expectedStarts(entry);
  if (expected) {
    language.times.total++;
    if (intentRight && JSON.stringify(starts) === JSON.stringify(expected)) language.times.right++;
    else wrong.push(`${entry.language} ${JSON.stringify(entry.text)}`);
  } else if (!intentRight) wrong.push(`${entry.language} ${JSON.stringify(entry.text)}`);
}

// Throughput: the whole corpus, again and again, for about two seconds after a warm-up.
for (let i = 0; i < 3; i++) for (const { context } of contexts) understandReply(context);
let replies = 0;
const started = performance.now();
while (performance.now() - started < 2_000) {
  for (const { context } of contexts) understandReply(context);
  replies += contexts.length;
}
const perSecond = replies / ((performance.now() - started) / 1000);

const rows: [string, string, string, boolean][] = [];
for (const [language, t] of byLanguage) {
  rows.push([
    `${language}: intents (${t.intents.total})`,
    pct(t.intents),
    '≥ 97 %',
    t.intents.right / t.intents.total >= 0.97,
  ]);
  rows.push([
    `${language}: times (${t.times.total})`,
    pct(t.times),
    '≥ 97 %',
    t.times.right / t.times.total >= 0.97,
  ]);
}
for (const [intent, t] of [...intents].sort())
  rows.push([`intent ${intent} (${t.total})`, pct(t), '—', true]);
rows.push([
  'understanding throughput, one core',
  `${Math.round(perSecond).toLocaleString('en-US')} replies/s`,
  '≥ 2,000 replies/s',
  perSecond >= 2000,
]);

if (!process.argv.includes('--no-inbound')) {
  console.error(
    'bench:agent: starting the app on PostgreSQL with a local Twilio for the inbound run…',
  );
  rows.push(...(await benchInbound()).rows);
}

console.log(
  `\nbench:agent — ${replyCorpus.length} labelled replies in ${replyLanguages.length} languages\n`,
);
const width = [
  Math.max(...rows.map((r) => r[0].length)),
  Math.max(...rows.map((r) => r[1].length)),
  18,
];
for (const [name, value, target, ok] of rows)
  console.log(
    `${name.padEnd(width[0]!)}  ${value.padEnd(width[1]!)}  ${target.padEnd(width[2]!)}  ${target === '—' ? '' : ok ? 'ok' : 'UNDER'}`,
  );
if (wrong.length > 0) console.log(`\nread wrong:\n  ${wrong.join('\n  ')}`);
