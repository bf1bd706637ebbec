/**
 * Benchmark of the hosted booking page and of booking itself (`npm run bench:booking`), against
 * the production build served by `npm start`, each figure next to its target:
 *
 *   1. TTFB of `GET /book/{token}` with 16 concurrent connections (autocannon, after a warm-up),
 *      and with one connection;
 *   2. the floor: TTFB of a no-data App Router page of this app (`/dev/video/bench`, same proxy
 *      and CSP) under the same 16 connections, and the ratio booking page p50 ÷ floor p50
 *      (target ≤ 1.5×); a no-op route handler's TTFB as an informative line;
 *   3. the page's JavaScript, gzipped (KB of 1,024 bytes; target ≤ 160 KB): every `<script src>`
 *      of its HTML, and every script response Chromium loads (Playwright, until the network is
 *      idle, touching nothing); then, informative, after opening the time-zone list (a lazy
 *      chunk the page fetches only when the candidate goes for the box);
 *   4. Lighthouse 12 (default config: mobile, simulated throttling) in Debian's Chromium,
 *      BENCH_LIGHTHOUSE_RUNS times: the median performance (target ≥ 95), accessibility (100)
 *      and best-practices scores, LCP, TBT and CLS, the spread of the runs, where the time goes
 *      and every audit below full score;
 *   5. bookings per second: 32 concurrent clients, each booking its own links (distinct
 *      interviewers, distinct slots), counting 201s; then 32 clients racing for one slot
 *      (exactly one 201).
 * It ends with a summary table per database: measure, result, target, ok/over.
 *
 * It runs on a fresh database of the PostgreSQL server (BENCH_DATABASE_URL, DATABASE_URL or the
 * local one at 127.0.0.1:5432; dropped afterwards), as production does, and then again on a fresh
 * embedded PGlite folder, as `npm run dev` does. BENCH_DATABASE=postgres or =pglite runs one.
 * Knobs: BENCH_SECONDS (page load duration, default 10), BENCH_WARMUP (unrecorded load before
 * each, default 3 s), BENCH_BOOKINGS (default 640), BENCH_LIGHTHOUSE_RUNS (default 3; 0 skips
 * Lighthouse), BENCH_NODE_ARGS (extra Node flags of the server, e.g. "--cpu-prof").
 * Without /usr/bin/chromium the browser figures are skipped with a warning.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { benchNodeArgs, percentile } from './bench-support';
import { ADMIN_URL, freshPostgres, startAppProcess } from './lib/app-process';
import {
  printDetails,
  printSummary,
  type BookingBench,
  type PageLoad,
} from './lib/bench-booking-report';
import { measureBrowserJs, type BrowserJs } from './lib/bench-browser-js';
import { runLighthouse, type LighthouseSummary } from './lib/bench-lighthouse';

const root = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 640);
/**
 * Seconds of the same load before each measured page load, unrecorded: a server in production
 * runs warm, so the figures should not include V8 compiling the hot paths on these two cores.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
const PAGE_CONNECTIONS = 16;
const BOOKING_CLIENTS = 32;
const ZONE = 'America/New_York';
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);

type Server = {
  baseUrl: string;
  auth: Record<string, string>;
  campaignId: string;
  stop: () => Promise<void>;
};

type Database = 'postgres' | 'pglite';
const ADMIN = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || ADMIN_URL;

async function postgresAnswers(): Promise<boolean> {
  const sql = postgres(ADMIN, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function startServer(kind: Database): Promise<Server> {
  const database = kind === 'postgres' ? await freshPostgres('parley_bench', ADMIN) : null;
  const dataDir = database ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  const app = await startAppProcess({
    env: {
      PARLEY_DEMO_SEED: '1',
      DATABASE_URL: database?.url,
      PARLEY_DATA_DIR: dataDir,
    },
    nodeArgs: benchNodeArgs,
  });
  return {
    baseUrl: app.baseUrl,
    auth: {
      'x-api-key': app.credentials!.apiKey,
      'x-organization-id': app.credentials!.organizationId,
    },
    campaignId: '',
    stop: async () => {
      await app.stop();
      await database?.drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function call(
  server: Server,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...server.auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function dateInDays(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now() + days * 86_400_000);
}

/** Epoch ms of a New York wall time. */
function instantOf(date: string, minutes: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const offset = (ms: number) => {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
        .formatToParts(ms)
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
  };
  return wall - offset(wall - offset(wall));
}

const BOOK_DAY = dateInDays(3);

async function createLink(server: Server, interviewer: string): Promise<string> {
  const res = await call(server, 'POST', '/v1/scheduling/conversations', {
    campaignId: server.campaignId,
    firstName: 'Bench',
    lastName: 'Candidate',
    emailAddress: `bench.${randomBytes(6).toString('hex')}@example.com`,
    meetingParticipants: [
      {
        name: 'Bench Interviewer',
        email: interviewer,
        isOrganizer: true,
        availability: {
          timezone: ZONE,
          timeSlots: [2, 3, 4, 5, 6].map((d) => ({
            date: dateInDays(d),
            startTime: '08:00',
            endTime: '18:00',
          })),
        },
      },
    ],
    meetingConfiguration: {
      title: 'Interview with {{candidateName}}',
      duration: 30,
      timezone: ZONE,
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
    },
  });
  if (res.status !== 201)
    throw new Error(`create conversation: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.bookingUrl as string).split('/book/')[1]!;
}

/** Runs `work` over `items` with `concurrency` workers. */
async function pool<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

async function measurePage(url: string, connections: number, duration: number): Promise<PageLoad> {
  await autocannon({ url, connections, duration: WARMUP_SECONDS });
  const ttfb: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration,
    setupClient: (client) => {
      let sent = 0n;
      // autocannon's own latency is to the last byte; time to the response headers is the TTFB.
      (client as unknown as NodeJS.EventEmitter).on(
        'request',
        () => (sent = process.hrtime.bigint()),
      );
      client.on('headers', () => ttfb.push(Number(process.hrtime.bigint() - sent) / 1e6));
    },
  });
  const result = await instance;
  ttfb.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    ttfbP50: percentile(ttfb, 50),
    ttfbP99: percentile(ttfb, 99),
    fullP50: result.latency.p50,
    fullP99: result.latency.p99,
  };
}

async function scriptsOf(server: Server, pagePath: string) {
  const html = await (await fetch(`${server.baseUrl}${pagePath}`)).text();
  const tags = html.match(/<script\b[^>]*\bsrc="[^"]+"[^>]*>/g) ?? [];
  const modern: string[] = [];
  const legacy: string[] = [];
  for (const tag of tags) {
    const src = /src="([^"]+)"/.exec(tag)![1]!;
    (/\bnoModule\b/i.test(tag) ? legacy : modern).push(src);
  }
  return { modern: [...new Set(modern)], legacy: [...new Set(legacy)] };
}

async function sizeOf(server: Server, src: string) {
  const bytes = Buffer.from(await (await fetch(`${server.baseUrl}${src}`)).arrayBuffer());
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes).length };
}

async function measureJs(server: Server, token: string) {
  const page = await scriptsOf(server, `/book/${token}`);
  let raw = 0;
  let gzip = 0;
  for (const src of page.modern) {
    const size = await sizeOf(server, src);
    raw += size.raw;
    gzip += size.gzip;
  }
  let legacyGzip = 0;
  for (const src of page.legacy) legacyGzip += (await sizeOf(server, src)).gzip;
  return { files: page.modern.length, raw, gzip, legacyGzip };
}

async function measureBookings(server: Server) {
  const tokens: string[] = [];
  const started = Date.now();
  await pool(
    Array.from({ length: BOOKINGS }, (_, i) => i),
    8,
    async () => {
      tokens.push(
        await createLink(server, `bench.ivy.${randomBytes(6).toString('hex')}@example.com`),
      );
    },
  );
  const setupSeconds = (Date.now() - started) / 1000;

  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const perClient = Math.ceil(tokens.length / BOOKING_CLIENTS);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: BOOKING_CLIENTS }, async (_, c) => {
      for (let k = 0; k < perClient; k++) {
        const index = c * perClient + k;
        const token = tokens[index];
        if (!token) return;
        // Distinct slots too: 08:00 + 30 min × (index mod 20), New York time.
        const start = new Date(instantOf(BOOK_DAY, 8 * 60 + 30 * (index % 20))).toISOString();
        const sent = performance.now();
        const response = await fetch(`${server.baseUrl}/v1/booking/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ start, timezone: 'Europe/Berlin' }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const created = statuses.get(201) ?? 0;
  return {
    setupSeconds,
    created,
    seconds,
    rate: created / seconds,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function measureRace(server: Server) {
  const shared = `bench.shared.${randomBytes(6).toString('hex')}@example.com`;
  const tokens: string[] = [];
  await pool(Array.from({ length: BOOKING_CLIENTS }), 8, async () => {
    tokens.push(await createLink(server, shared));
  });
  const start = new Date(instantOf(BOOK_DAY, 10 * 60)).toISOString();
  const statuses = await Promise.all(
    tokens.map((token) =>
      fetch(`${server.baseUrl}/v1/booking/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start }),
      }).then(async (r) => (await r.arrayBuffer(), r.status)),
    ),
  );
  const count = (s: number) => statuses.filter((x) => x === s).length;
  return {
    created: count(201),
    refused: count(409),
    other: statuses.length - count(201) - count(409),
  };
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    console.error(
      'No production build found: run `npm run build` first, then `npm run bench:booking`.',
    );
    process.exit(1);
  }
  const setting = process.env.BENCH_DATABASE || undefined;
  const isDatabase = (value: string | undefined): value is Database | undefined =>
    value === undefined || value === 'postgres' || value === 'pglite';
  if (!isDatabase(setting)) {
    console.error(`BENCH_DATABASE must be postgres or pglite, got "${setting}".`);
    process.exit(2);
  }
  const requested: Database | undefined = setting;
  const databases: Database[] = requested ? [requested] : ['postgres', 'pglite'];
  if (databases.includes('postgres') && !(await postgresAnswers())) {
    if (requested) throw new Error(`PostgreSQL does not answer at ${ADMIN}`);
    console.warn(`PostgreSQL does not answer at ${ADMIN}: measuring the embedded database only.`);
    databases.shift();
  }
  if (!Number.isInteger(LIGHTHOUSE_RUNS) || LIGHTHOUSE_RUNS < 0) {
    console.error(
      `BENCH_LIGHTHOUSE_RUNS must be 0 or more, got "${process.env.BENCH_LIGHTHOUSE_RUNS}".`,
    );
    process.exit(2);
  }
  if (!hasChromium) {
    console.warn(
      `No ${CHROMIUM} (apt-get install -y --no-install-recommends chromium): the browser JS and Lighthouse figures are skipped.`,
    );
  }
  const benches: BookingBench[] = [];
  for (const database of databases) benches.push(await benchmark(database));
  printSummary(benches);
}

async function benchmark(database: Database): Promise<BookingBench> {
  const usesPostgres = database === 'postgres';
  console.log(
    `\nStarting npm start (${usesPostgres ? 'PostgreSQL, fresh database' : 'embedded PGlite, fresh folder'})…`,
  );
  const server = await startServer(database);
  try {
    const campaign = await call(server, 'POST', '/v1/campaigns', {
      campaignTitle: 'Bench',
      channel: 'EMAIL',
      company: 'Bench Co',
    });
    if (campaign.status !== 201) throw new Error(`create campaign: ${campaign.status}`);
    server.campaignId = campaign.body.id;

    const pageToken = await createLink(
      server,
      `bench.page.${randomBytes(6).toString('hex')}@example.com`,
    );
    console.log(`Page load: ${PAGE_CONNECTIONS} connections for ${SECONDS} s…`);
    const pageUrl = `${server.baseUrl}/book/${pageToken}`;
    const page = await measurePage(pageUrl, PAGE_CONNECTIONS, SECONDS);
    const single = await measurePage(pageUrl, 1, Math.max(3, SECONDS / 2));
    // The floor: a dynamic App Router page of this app, like the booking page behind the same
    // proxy and CSP, that reads no data. What Next.js alone costs on this machine. A route
    // handler that does no work at all (an unknown /v1 path answers its small JSON 404) is printed
    // too: what a request costs without React rendering.
    const floor = await measurePage(
      `${server.baseUrl}/dev/video/bench`,
      PAGE_CONNECTIONS,
      Math.max(3, SECONDS / 2),
    );
    const routeFloor = await measurePage(
      `${server.baseUrl}/v1/bench-floor`,
      PAGE_CONNECTIONS,
      Math.max(3, SECONDS / 2),
    );
    const htmlJs = await measureJs(server, pageToken);
    let browserJs: BrowserJs | null = null;
    let lighthouse: LighthouseSummary | null = null;
    if (hasChromium) {
      console.log('Page JS in Chromium…');
      browserJs = await measureBrowserJs(pageUrl);
      if (LIGHTHOUSE_RUNS > 0) {
        console.log(`Lighthouse: ${LIGHTHOUSE_RUNS} mobile runs…`);
        lighthouse = await runLighthouse(pageUrl, LIGHTHOUSE_RUNS);
      }
    }
    console.log(
      `Bookings: creating ${BOOKINGS} links, then ${BOOKING_CLIENTS} concurrent clients book them…`,
    );
    const bookings = await measureBookings(server);
    const race = await measureRace(server);
    const bench: BookingBench = {
      database,
      cpus: os.cpus().length,
      bookingsTotal: BOOKINGS,
      page,
      single,
      floor,
      routeFloor,
      htmlJs,
      browserJs,
      lighthouse,
      bookings,
      race,
    };
    printDetails(bench);
    return bench;
  } finally {
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
