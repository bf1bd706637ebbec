/**
 * Benchmark of calendar-connected availability (`npm run bench:calendars`), against the production
 * build served by `npm start` on a fresh PostgreSQL database, each figure next to its target:
 *
 *   A 5-person panel, every participant's Google calendar on the local Google server
 *   (test/support/fake-google.ts) answering after 50 ms, with 2,000 busy periods each over the
 *   next 60 days; the slots endpoint asked for those 60 days, one request at a time.
 *   1. warm: the busy periods cached (DESIGN §6) — p50/p99, target p50 ≤ 2× the baseline;
 *   2. cold: the cache emptied before every request — p50/p99, target p50 ≤ baseline + 1.5 × the
 *      provider latency (the five fetches run in parallel);
 *   3. provider calls per 100 page views, starting from an empty cache — target ≤ 5;
 *   4. the baseline, in the same run: the same panel with given time slots instead of calendars.
 * Knobs: BENCH_VIEWS (warm and baseline requests, default 200), BENCH_COLD_VIEWS (default 40),
 * BENCH_LATENCY_MS (default 50), BENCH_BUSY (periods per participant, default 2000).
 */
import postgres from 'postgres';
import { encryptWith, keyringOf } from '@/lib/server/crypto/secrets';
import { startFakeGoogle } from '@/test/support/fake-google';
import { grantedCredentials } from '@/test/support/google-app';
import { closeDb, getDb } from '@/lib/server/db/client';
import { createOrganization } from '@/lib/server/services/organizations/create-organization';
import {
  benchNodeArgs,
  dateInDays,
  freshDatabase,
  percentile,
  requireBuild,
} from './bench-support';
import { startAppProcess } from './lib/app-process';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 200);
const COLD_VIEWS = Number(process.env.BENCH_COLD_VIEWS ?? 40);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const BUSY_PER_PERSON = Number(process.env.BENCH_BUSY ?? 2000);
const PANEL = 5;
const HORIZON_DAYS = 60;
const ZONE = 'America/New_York';
const MINUTE = 60_000;
/** The app process and this script encrypt with the same key (benchmark data only). */
const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Busy periods as calendars give them (as in bench:slots): clusters of five overlapping periods of
 * 15–90 minutes (back-to-back meetings), at any hour of the next 60 days, in no particular order.
 */
function busyPeriods(random: () => number, from: number) {
  const periods: { start: number; end: number }[] = [];
  while (periods.length < BUSY_PER_PERSON) {
    const anchor = from + Math.floor(random() * HORIZON_DAYS * 96) * 15 * MINUTE;
    for (let k = 0; k < 5 && periods.length < BUSY_PER_PERSON; k++) {
      const start = anchor + Math.floor(random() * 4) * 15 * MINUTE;
      periods.push({ start, end: start + (1 + Math.floor(random() * 6)) * 15 * MINUTE });
    }
  }
  return periods;
}

type Stats = { p50: number; p99: number; n: number };

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

async function main(): Promise<void> {
  requireBuild();
  process.env.PARLEY_ENCRYPTION_KEY = ENCRYPTION_KEY;
  const google = await startFakeGoogle({ latencyMs: 0 });
  const database = await freshDatabase('parley_bench_calendars');
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  process.env.DATABASE_URL = database.url;
  // No demo seed: its template asks for Google Meet from an organizer without a Google calendar.
  const server = await startAppProcess({
    env: {
      DATABASE_URL: database.url,
      PARLEY_ENCRYPTION_KEY: ENCRYPTION_KEY,
      PARLEY_DEMO_SEED: '0',
      ...google.env,
    },
    nodeArgs: benchNodeArgs,
  });
  const { organizationId, apiKey } = await createOrganization(getDb(), {
    name: 'Calendar bench',
    now: new Date(),
  });
  const app = {
    baseUrl: server.baseUrl,
    organizationId,
    apiKey,
    campaignId: '',
    stop: server.stop,
  };
  try {
    const headers = {
      'content-type': 'application/json',
      'x-api-key': app.apiKey,
      'x-organization-id': app.organizationId,
    };
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    app.campaignId = (
      await api('POST', '/v1/campaigns', { campaignTitle: 'Panel', channel: 'EMAIL' })
    ).id as string;
    // The panel connects as the connect flow would: consent, code exchange, tokens stored encrypted.
    const ring = keyringOf(Buffer.from(ENCRYPTION_KEY, 'base64'));
    const random = prng(13);
    const now = Date.now();
    const panel = Array.from({ length: PANEL }, (_, i) => `panel${i + 1}@example.com`);
    for (const email of panel) {
      const credentials = await grantedCredentials(google, email);
      await sql`insert into user_calendars (id, organization_id, email, name)
        values (gen_random_uuid(), ${app.organizationId}, ${email}, ${email})`;
      await sql`insert into calendar_connections (id, organization_id, provider, email, account_email, credentials)
        values (gen_random_uuid(), ${app.organizationId}, 'GOOGLE', ${email}, ${email},
                ${encryptWith(ring, credentials)})`;
      google.setBusy(email, busyPeriods(random, now));
    }

    const configuration = {
      title: 'Panel interview',
      duration: 30,
      slotInterval: 15,
      timezone: ZONE,
      videoConferencing: false,
      location: 'Office',
      bookingHorizonDays: HORIZON_DAYS,
      openHours: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }],
    };
    const conversation = (participants: unknown[]) =>
      api('POST', '/v1/scheduling/conversations', {
        campaignId: app.campaignId,
        firstName: 'Bench',
        emailAddress: `bench.${Math.random().toString(16).slice(2)}@example.com`,
        meetingParticipants: participants,
        meetingConfiguration: configuration,
      }) as Promise<{ bookingUrl: string }>;
    const calendarPanel = await conversation(
      panel.map((email, i) => ({
        name: `Panel ${i + 1}`,
        email,
        isOrganizer: i === 0,
        isCalendarConnected: true,
      })),
    );
    const timeSlots = Array.from({ length: HORIZON_DAYS }, (_, d) => dateInDays(d)).map((date) => ({
      date,
      startTime: '09:00',
      endTime: '17:00',
    }));
    const givenPanel = await conversation(
      panel.map((_, i) => ({
        name: `Given ${i + 1}`,
        email: `given${i + 1}@example.com`,
        isOrganizer: i === 0,
        availability: { timezone: ZONE, timeSlots },
      })),
    );
    const path = (c: { bookingUrl: string }) =>
      `/v1/booking/${c.bookingUrl.split('/book/')[1]}/slots?from=${dateInDays(0)}&to=${dateInDays(HORIZON_DAYS - 1)}`;
    const view = async (p: string) => {
      const started = performance.now();
      const res = await fetch(`${app.baseUrl}${p}`);
      const body = (await res.json()) as { slots?: unknown[] };
      if (res.status !== 200 || !body.slots) throw new Error(`slots: ${res.status}`);
      return { ms: performance.now() - started, slots: body.slots.length };
    };
    const run = async (p: string, n: number, before?: () => Promise<void>) => {
      const samples: number[] = [];
      let slots = 0;
      for (let i = 0; i < n; i++) {
        await before?.();
        const r = await view(p);
        samples.push(r.ms);
        slots = r.slots;
      }
      return { ...stats(samples), slots };
    };
    // The cache is filled once a response is out: the previous view's fill must land before the
    // cache is emptied, or it would land after and make the next "cold" view a warm one.
    const emptyCache = async () => {
      for (let waited = 0; waited < 1_000; waited += 5) {
        const [row] = await sql<{ n: number }[]>`
          select count(*)::int as n from busy_period_cache where organization_id = ${app.organizationId}`;
        if (row!.n >= PANEL) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await sql`delete from busy_period_cache where organization_id = ${app.organizationId}`;
    };

    // Background work of the new conversations (their outreach) is done before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    google.setLatency(LATENCY_MS);
    // Warm-up of every path (V8, prepared statements, the SDK's cold path), unrecorded.
    await run(path(givenPanel), 20);
    await run(path(calendarPanel), 20, emptyCache);
    await run(path(calendarPanel), 20);

    const baseline = await run(path(givenPanel), VIEWS);
    const coldCallsBefore = google.apiRequests().length;
    const cold = await run(path(calendarPanel), COLD_VIEWS, emptyCache);
    const coldCalls = google.apiRequests().length - coldCallsBefore;
    await run(path(calendarPanel), 1);
    const warm = await run(path(calendarPanel), VIEWS);
    await emptyCache();
    const callsBefore = google.apiRequests().length;
    await run(path(calendarPanel), 100);
    const calls = google.apiRequests().length - callsBefore;

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const rows: [string, string, string, boolean][] = [
      [
        'baseline (given time slots) p50 / p99',
        `${ms(baseline.p50)} / ${ms(baseline.p99)}`,
        '—',
        true,
      ],
      [
        'warm (cached busy) p50 / p99',
        `${ms(warm.p50)} / ${ms(warm.p99)} (${(warm.p50 / baseline.p50).toFixed(2)}× baseline)`,
        `p50 ≤ ${ms(2 * baseline.p50)} (2× baseline)`,
        warm.p50 <= 2 * baseline.p50,
      ],
      [
        'cold (empty cache) p50 / p99',
        `${ms(cold.p50)} / ${ms(cold.p99)} (baseline + ${ms(cold.p50 - baseline.p50)}; ${coldCalls / COLD_VIEWS} provider calls a view)`,
        `p50 ≤ ${ms(baseline.p50 + 1.5 * LATENCY_MS)} (baseline + 1.5 × ${LATENCY_MS} ms)`,
        cold.p50 <= baseline.p50 + 1.5 * LATENCY_MS,
      ],
      ['provider calls per 100 page views', String(calls), '≤ 5', calls <= 5],
    ];
    console.log(
      `\nbench:calendars — ${PANEL}-person panel, ${BUSY_PER_PERSON} busy periods each over ${HORIZON_DAYS} days, Google at ${LATENCY_MS} ms; ` +
        `slots for ${HORIZON_DAYS} days (${warm.slots} offered; baseline ${baseline.slots}); ${VIEWS} warm/baseline and ${COLD_VIEWS} cold requests, one at a time\n`,
    );
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), 8));
    for (const [name, result, target, ok] of rows) {
      console.log(
        `${name.padEnd(widths[0]!)}  ${result.padEnd(widths[1]!)}  ${target.padEnd(widths[2]!)}  ${target === '—' ? '' : ok ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await app.stop();
    await closeDb();
    await sql.end();
    await database.drop();
    await google.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
