/**
 * `npm run bench:api`: POST /v1/scheduling/conversations on `next start` + PostgreSQL with 32
 * connections for 20 s, against the raw rate of inserting the same rows with postgres.js.
 * Targets (issue 2): ratio ≥ 0.40, p99 ≤ 50 ms. It measures the API twice, rate limiting off
 * (PARLEY_API_RATE_LIMIT=0) and on with a limit no client reaches (issue 17: the ratio with it
 * must stay within 10 % of the ratio without). It also prints the floor: the same load on a
 * /v1 route handler that does no work, Next.js's own ceiling on this machine.
 * Knobs: BENCH_DURATION (default 20 s), BENCH_WARMUP (unrecorded load first, default 3 s),
 * PARLEY_WORKER (default off), BENCH_NODE_ARGS (extra Node flags of the server).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { PgBoss } from 'pg-boss';
import postgres from 'postgres';
import {
  dateInDays,
  freshDatabase,
  requireBuild,
  startApp,
  type AppCredentials,
} from './bench-support';

const CONNECTIONS = 32;
/** Three weekdays ahead, so every conversation has slots to offer (the common case). */
const weekdays = [2, 3, 4, 5, 6, 7, 8]
  .map((d) => dateInDays(d))
  .filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))
  .slice(0, 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 3);

function body(campaignId: string, n: number) {
  return {
    campaignId,
    firstName: 'Bench',
    lastName: `Candidate ${n}`,
    phoneNumber: `+1415${String(1_000_000 + (n % 8_999_999)).padStart(7, '0')}`,
    emailAddress: `bench.${n}@example.com`,
    meetingParticipants: [
      {
        name: 'Ivy Interviewer',
        email: `ivy.${n % 50}@example.com`,
        isOrganizer: true,
        availability: {
          timezone: 'America/New_York',
          timeSlots: weekdays.map((date) => ({ date, startTime: '09:00', endTime: '17:00' })),
        },
      },
    ],
    meetingConfiguration: {
      title: 'Interview with {{candidateName}}',
      duration: 30,
      timezone: 'America/New_York',
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    },
  };
}

type RowsPerConversation = { participants: number; timeSlots: number; jobs: number };

/**
 * The rows one API request writes — the conversation, its participant and time slots, and its
 * `conversations.start` job through pg-boss's own `send` in the same transaction — inserted
 * directly: the ceiling the API is compared with. `configuration` is the meeting configuration as
 * the API stores it (defaults filled), from a sample response. Returns the rate and the ids.
 */
async function rawInsertRate(
  url: string,
  credentials: AppCredentials,
  configuration: Record<string, unknown>,
): Promise<{ rate: number; ids: string[] }> {
  const { organizationId, campaignId } = credentials;
  const sql = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false });
  await boss.start();
  const deadline = Date.now() + (DURATION_S / 2) * 1000;
  const ids: string[] = [];
  const worker = async (w: number) => {
    for (let n = w; Date.now() < deadline; n += CONNECTIONS) {
      const b = body(campaignId, 1_000_000 + n);
      const id = randomUUID();
      const participantId = randomUUID();
      const meetingConfiguration = {
        ...configuration,
        title: `Interview with ${b.firstName} ${b.lastName}`,
      };
      await sql.begin(async (tx) => {
        await tx`insert into conversations (id, organization_id, campaign_id, status, scheduling_status, first_name, last_name,
                   phone_number, email_address, booking_token, meeting_configuration, created_at, updated_at)
                 values (${id}, ${organizationId}, ${campaignId}, 'CREATED', 'LINK_SENT', ${b.firstName}, ${b.lastName},
                   ${b.phoneNumber}, ${b.emailAddress}, ${randomBytes(32).toString('base64url')}, ${sql.json(meetingConfiguration)}, now(), now())`;
        const p = b.meetingParticipants[0]!;
        await tx`insert into conversation_participants (id, organization_id, conversation_id, position, name, email, is_organizer,
                   is_calendar_connected, auto_collect_availability, availability_timezone)
                 values (${participantId}, ${organizationId}, ${id}, 0, ${p.name}, ${p.email}, true, false, false, ${p.availability.timezone})`;
        await tx`insert into participant_time_slots ${tx(p.availability.timeSlots.map((s) => ({ participant_id: participantId, date: s.date, start_time: s.startTime, end_time: s.endTime })))}`;
        await boss.send(
          'conversations.start',
          { organizationId, conversationId: id },
          { db: onTransaction(tx) },
        );
      });
      ids.push(id);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  const rate = ids.length / ((Date.now() - started) / 1000);
  await boss.stop({ graceful: false });
  await sql.end();
  return { rate, ids };
}

/**
 * pg-boss's database interface over a postgres.js transaction. Prepared, as the app's queries are:
 * an unprepared statement with parameters costs postgres.js a describe round trip of its own.
 */
function onTransaction(tx: postgres.TransactionSql) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({
      rows: await tx.unsafe(text, values as postgres.ParameterOrJSON<never>[], { prepare: true }),
    }),
  };
}

/**
 * The rows per conversation, for the raw conversations (`ids`) and for the API's: the raw side
 * must write exactly what a request writes, or the ratio means nothing. Throws when they differ.
 */
async function checkRawRows(url: string, ids: string[]): Promise<RowsPerConversation> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<(RowsPerConversation & { raw: boolean })[]>`
      select c.id = any(${ids}::uuid[]) as raw, p.n as participants, s.n as "timeSlots", j.n as jobs
      from conversations c
      cross join lateral (select count(*)::int as n from conversation_participants
        where conversation_id = c.id) p
      cross join lateral (select count(*)::int as n from participant_time_slots t
        join conversation_participants cp on cp.id = t.participant_id where cp.conversation_id = c.id) s
      cross join lateral (select count(*)::int as n from pgboss.job
        where name = 'conversations.start' and data->>'conversationId' = c.id::text) j
      group by 1, 2, 3, 4`;
    const shapes = (raw: boolean) =>
      rows
        .filter((r) => r.raw === raw)
        .map(({ participants, timeSlots, jobs }) => ({ participants, timeSlots, jobs }));
    const [api, raw] = [shapes(false), shapes(true)];
    if (api.length !== 1 || raw.length !== 1 || JSON.stringify(api) !== JSON.stringify(raw)) {
      throw new Error(
        `The raw side must write the rows of an API request; per conversation: API ${JSON.stringify(api)}, raw ${JSON.stringify(raw)}.`,
      );
    }
    return api[0]!;
  } finally {
    await sql.end();
  }
}

/** Deletes the raw conversations and their jobs, so the app's worker and sweep never see them. */
async function deleteRawRows(url: string, ids: string[]): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`delete from pgboss.job where name = 'conversations.start' and data->>'conversationId' = any(${ids})`;
    await sql`delete from conversations where id = any(${ids}::uuid[])`;
  } finally {
    await sql.end();
  }
}

async function main(): Promise<void> {
  requireBuild();
  const database = await freshDatabase('parley_bench');
  const appEnv = {
    DATABASE_URL: database.url,
    // The API alone, as the raw side: both write each conversation's start job and leave it
    // queued for the agent's workers (`npm run worker`). PARLEY_WORKER=embedded also runs the
    // agent in the web processes, on the same cores.
    PARLEY_WORKER: process.env.PARLEY_WORKER ?? 'off',
  };
  try {
    let n = 0;
    // A first start migrates and seeds; with the worker off, its few requests keep their jobs
    // queued, so that the rows of a request can be compared with the raw side's.
    const setup = await startApp({ ...appEnv, PARLEY_WORKER: 'off' });
    const credentials: AppCredentials = {
      organizationId: setup.organizationId,
      apiKey: setup.apiKey,
      campaignId: setup.campaignId,
    };
    const headers = {
      'content-type': 'application/json',
      'x-api-key': credentials.apiKey,
      'x-organization-id': credentials.organizationId,
    };
    const post = (baseUrl: string) =>
      fetch(`${baseUrl}/v1/scheduling/conversations`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body(credentials.campaignId, n++)),
      });
    let sample: { meetingConfiguration: Record<string, unknown> } | undefined;
    for (let i = 0; i < 3; i++) {
      const response = await post(setup.baseUrl);
      if (response.status !== 201) throw new Error(`Setup request: ${response.status}`);
      sample = (await response.json()) as typeof sample;
    }
    await setup.stop();

    // The raw rate on a quiet system: no app running (its worker would start the raw
    // conversations), before the API load (afterwards an embedded worker still drains its backlog).
    const raw = await rawInsertRate(database.url, credentials, sample!.meetingConfiguration);
    const rows = await checkRawRows(database.url, raw.ids);
    await deleteRawRows(database.url, raw.ids);

    const load = (baseUrl: string, duration: number) =>
      autocannon({
        url: `${baseUrl}/v1/scheduling/conversations`,
        connections: CONNECTIONS,
        duration,
        method: 'POST',
        headers,
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify(body(credentials.campaignId, n++)),
            }),
          },
        ],
      });
    // Rate limiting off (PARLEY_API_RATE_LIMIT=0) and on with a limit no client reaches (every
    // request still counts in PostgreSQL): two servers on the same database, loaded in turns
    // (off, on, on, off, …) so that a change in the machine's load weighs on both alike.
    const rateLimit = (limit: string) =>
      startApp(
        { ...appEnv, PARLEY_API_RATE_LIMIT: limit, PARLEY_PUBLIC_RATE_LIMIT: limit },
        credentials,
      );
    const servers = { off: await rateLimit('0'), on: await rateLimit('1000000000') };
    type Round = Awaited<ReturnType<typeof load>>;
    const rounds: Record<'off' | 'on', Round[]> = { off: [], on: [] };
    let floor: Awaited<ReturnType<typeof autocannon>>;
    try {
      // Unrecorded warm-up at full load: a production server runs warm, so the figures should
      // not include V8 compiling the hot paths, nor the pools filling.
      await load(servers.off.baseUrl, WARMUP_S);
      await load(servers.on.baseUrl, WARMUP_S);
      const ROUNDS = 4;
      for (let r = 0; r < ROUNDS; r++) {
        for (const side of r % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
          rounds[side].push(
            await load(servers[side].baseUrl, Math.max(1, Math.round(DURATION_S / ROUNDS))),
          );
        }
      }
      // The framework's own ceiling on this machine: the same requests to a /v1 route handler
      // that does no work (an unknown path answers its JSON 404, never counted). With 32
      // requests always in flight, mean latency = 32 ÷ throughput, so p99 ≤ 50 ms needs at
      // least 640 requests/s.
      floor = await autocannon({
        url: `${servers.on.baseUrl}/v1/bench-floor`,
        connections: CONNECTIONS,
        duration: Math.min(10, DURATION_S),
        method: 'POST',
        headers,
        body: JSON.stringify(body(credentials.campaignId, 0)),
      });
    } finally {
      await servers.off.stop();
      await servers.on.stop();
    }
    const summary = (side: Round[]) => {
      const seconds = side.reduce((sum, r) => sum + r.duration, 0);
      const sorted = (pick: (r: Round) => number) => side.map(pick).sort((a, b) => a - b);
      return {
        requests: {
          average: side.reduce((sum, r) => sum + r.requests.total, 0) / seconds,
          total: side.reduce((sum, r) => sum + r.requests.total, 0),
        },
        latency: {
          p50: sorted((r) => r.latency.p50)[Math.floor(side.length / 2)]!,
          p99: Math.max(...sorted((r) => r.latency.p99)),
        },
        non2xx: side.reduce((sum, r) => sum + r.non2xx, 0),
        errors: side.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    const off = { result: summary(rounds.off) };
    const on = { result: summary(rounds.on), floor };

    console.log(
      '\nPOST /v1/scheduling/conversations — npm start + PostgreSQL, 32 connections, %d s each (4 alternating rounds), agent worker %s',
      DURATION_S,
      appEnv.PARLEY_WORKER === 'off' ? 'off (jobs stay queued)' : 'embedded',
    );
    console.log(
      '  raw postgres.js rate   %s conversations/s (same rows: 1 conversation, %d participant, %d time slots, %d job; 32 connections, no HTTP; measured first)',
      raw.rate.toFixed(0),
      rows.participants,
      rows.timeSlots,
      rows.jobs,
    );
    const ratios: number[] = [];
    for (const [label, { result }] of [
      ['rate limiting off', off],
      ['rate limiting on ', on],
    ] as const) {
      const apiRate = result.requests.average;
      ratios.push(apiRate / raw.rate);
      console.log(
        '  %s  %s requests/s, p50 / p99 %s ms / %s ms (median / worst round), non-2xx or errors %d of %d, ratio API / raw %s   (target ≥ 0.40; p99 ≤ 50 ms)',
        label,
        apiRate.toFixed(0),
        result.latency.p50,
        result.latency.p99,
        result.non2xx + result.errors,
        result.requests.total,
        (apiRate / raw.rate).toFixed(2),
      );
    }
    const [ratioOff, ratioOn] = ratios as [number, number];
    console.log(
      '  floor: no-op /v1 route %s req/s, p50 / p99 %s ms / %s ms (same requests, 32 connections; p99 ≤ 50 ms needs ≥ %d req/s)',
      floor.requests.average.toFixed(0),
      floor.latency.p50,
      floor.latency.p99,
      (CONNECTIONS * 1000) / 50,
    );
    console.log(
      '  rate limiting: ratio on / off %s (%s%%; must stay within 10 %%: ≥ 0.90) — %s',
      (ratioOn / ratioOff).toFixed(3),
      ((ratioOn / ratioOff - 1) * 100).toFixed(1),
      ratioOn / ratioOff >= 0.9 ? 'within' : 'OUTSIDE the 10 % budget',
    );
  } finally {
    await database.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
