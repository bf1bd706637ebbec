/**
 * `npm run bench:api`: POST /v1/scheduling/conversations on `next start` + PostgreSQL with 32
 * connections for 20 s, against the raw rate of inserting the same rows with postgres.js.
 * Targets (issue 2): ratio ≥ 0.40, p99 ≤ 50 ms.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { dateInDays, freshDatabase, requireBuild, startApp } from './bench-support';

const CONNECTIONS = 32;
/** Three weekdays ahead, so every conversation has slots to offer (the common case). */
const weekdays = [2, 3, 4, 5, 6, 7, 8]
  .map((d) => dateInDays(d))
  .filter((date) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()))
  .slice(0, 3);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);

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

/** The rows one conversation writes, inserted directly: the ceiling the API is compared with. */
async function rawInsertRate(
  url: string,
  organizationId: string,
  campaignId: string,
): Promise<number> {
  const sql = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const deadline = Date.now() + (DURATION_S / 2) * 1000;
  let done = 0;
  const worker = async (w: number) => {
    for (let n = w; Date.now() < deadline; n += CONNECTIONS) {
      const b = body(campaignId, 1_000_000 + n);
      const id = randomUUID();
      const participantId = randomUUID();
      await sql.begin(async (tx) => {
        await tx`insert into conversations (id, organization_id, campaign_id, status, scheduling_status, first_name, last_name,
                   phone_number, email_address, booking_token, meeting_configuration, created_at, updated_at)
                 values (${id}, ${organizationId}, ${campaignId}, 'CREATED', 'LINK_SENT', ${b.firstName}, ${b.lastName},
                   ${b.phoneNumber}, ${b.emailAddress}, ${randomUUID() + randomUUID()}, ${sql.json(b.meetingConfiguration)}, now(), now())`;
        const p = b.meetingParticipants[0]!;
        await tx`insert into conversation_participants (id, organization_id, conversation_id, position, name, email, is_organizer,
                   is_calendar_connected, auto_collect_availability, availability_timezone)
                 values (${participantId}, ${organizationId}, ${id}, 0, ${p.name}, ${p.email}, true, false, false, ${p.availability.timezone})`;
        await tx`insert into participant_time_slots ${tx(p.availability.timeSlots.map((s) => ({ participant_id: participantId, date: s.date, start_time: s.startTime, end_time: s.endTime })))}`;
      });
      done++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  const rate = done / ((Date.now() - started) / 1000);
  await sql.end();
  return rate;
}

async function main(): Promise<void> {
  requireBuild();
  const database = await freshDatabase('parley_bench');
  const app = await startApp({
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '16',
    // PARLEY_WORKER=off measures the API alone, with the agent's follow-up jobs left queued.
    PARLEY_WORKER: process.env.PARLEY_WORKER ?? 'embedded',
  });
  try {
    let n = 0;
    const headers = {
      'content-type': 'application/json',
      'x-api-key': app.apiKey,
      'x-organization-id': app.organizationId,
    };
    // Warm up the route (first request compiles nothing in production, but fills caches and pools).
    for (let i = 0; i < 50; i++) {
      await fetch(`${app.baseUrl}/v1/scheduling/conversations`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body(app.campaignId, n++)),
      });
    }
    const result = await autocannon({
      url: `${app.baseUrl}/v1/scheduling/conversations`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      method: 'POST',
      headers,
      requests: [
        { setupRequest: (req) => ({ ...req, body: JSON.stringify(body(app.campaignId, n++)) }) },
      ],
    });
    const non2xx = result.non2xx + result.errors;
    const raw = await rawInsertRate(database.url, app.organizationId, app.campaignId);
    const apiRate = result.requests.average;
    console.log(
      '\nPOST /v1/scheduling/conversations — next start + PostgreSQL, 32 connections, %d s',
      DURATION_S,
    );
    console.log('  requests/s (mean)      %s', apiRate.toFixed(0));
    console.log('  latency p50 / p99      %s ms / %s ms', result.latency.p50, result.latency.p99);
    console.log('  non-2xx or errors      %d of %d', non2xx, result.requests.total);
    console.log(
      '  raw postgres.js rate   %s conversations/s (same rows, 32 connections, no HTTP)',
      raw.toFixed(0),
    );
    console.log(
      '  ratio API / raw        %s   (target ≥ 0.40; p99 target ≤ 50 ms)',
      (apiRate / raw).toFixed(2),
    );
  } finally {
    await app.stop();
    await database.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
