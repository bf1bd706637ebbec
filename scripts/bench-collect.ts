/**
 * Benchmark of availability replies (`npm run bench:collect`): exact readings of the labelled
 * corpus per language (every slot, the zone and the language right) and parse throughput on one
 * core, each beside its target. Target (issue: availability collected by email): ≥ 95 % exact in
 * every language.
 */
import {
  availabilityCorpus,
  expectedSlots,
  type AvailabilityCase,
} from '@/lib/domain/availability/availability-corpus';
import { availabilityLanguages } from '@/lib/domain/availability/availability-words';
import { parseAvailability } from '@/lib/domain/availability/parse-availability';

const input = (c: AvailabilityCase) => ({
  text: c.text,
  timezone: c.timezone ?? 'Europe/Berlin',
  referenceDate: c.referenceDate ?? '2026-12-07',
});

const tallies = new Map(availabilityLanguages.map((l) => [l, { right: 0, total: 0 }]));
const wrong: string[] = [];
for (const c of availabilityCorpus) {
  const result = parseAvailability(input(c));
  const tally = tallies.get(c.language)!;
  tally.total++;
  const exact =
    result.language === c.language &&
    result.timezone === (c.expectedZone ?? input(c).timezone) &&
    JSON.stringify(result.timeSlots) === JSON.stringify(expectedSlots(c.expected));
  if (exact) tally.right++;
  else wrong.push(`${c.language} ${JSON.stringify(c.text)}`);
}

const inputs = availabilityCorpus.map(input);
for (let i = 0; i < 3; i++) for (const one of inputs) parseAvailability(one);
let parsed = 0;
const started = performance.now();
while (performance.now() - started < 2_000) {
  for (const one of inputs) parseAvailability(one);
  parsed += inputs.length;
}
const perSecond = parsed / ((performance.now() - started) / 1000);

const rows: [string, string, string, boolean][] = [];
for (const [language, t] of tallies) {
  rows.push([
    `${language}: exact (${t.total})`,
    `${((100 * t.right) / t.total).toFixed(1)} %`,
    '≥ 95 %',
    t.right / t.total >= 0.95,
  ]);
}
// No floor is set for throughput; a reply is parsed once when it arrives.
rows.push([
  'parse throughput, one core',
  `${Math.round(perSecond).toLocaleString('en-US')} replies/s`,
  '—',
  true,
]);

console.log(
  `\nbench:collect — ${availabilityCorpus.length} labelled availability replies in ${availabilityLanguages.length} languages\n`,
);
const width = [
  Math.max(...rows.map((r) => r[0].length)),
  Math.max(...rows.map((r) => r[1].length)),
  8,
];
for (const [name, value, target, ok] of rows)
  console.log(
    `${name.padEnd(width[0]!)}  ${value.padEnd(width[1]!)}  ${target.padEnd(width[2]!)}  ${target === '—' ? '' : ok ? 'ok' : 'UNDER'}`,
  );
if (wrong.length > 0) console.log(`\nread wrong:\n  ${wrong.join('\n  ')}`);
