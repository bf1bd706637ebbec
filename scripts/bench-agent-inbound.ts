/**
 * The inbound half of `npm run bench:agent`: candidates' SMS replies posted to the app's Twilio
 * webhook at 50 a second, on PostgreSQL, and the time until the agent's answer reaches Twilio's
 * Messages API (a local server speaking it; the app uses the real `twilio` SDK). Target (issue:
 * the agent converses): p99 ≤ 300 ms. Needs `npm run build` and PostgreSQL (DATABASE_ADMIN_URL or
 * postgres://postgres@127.0.0.1:5432/postgres).
 */
import { freshPostgres, startAppProcess } from './lib/app-process';
import { startFakeTwilio, type SentMessage } from '../test/support/fake-twilio';

const RATE = 50;
const SECONDS = 10;
const CONVERSATIONS = 250;
const TARGET_P99_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dateInDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchInbound(): Promise<{ rows: [string, string, string, boolean][] }> {
  const twilio = await startFakeTwilio();
  const database = await freshPostgres('parley_bench_agent');
  const app = await startAppProcess({
    env: {
      DATABASE_URL: database.url,
      PARLEY_DEMO_SEED: '1',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM_NUMBER: twilio.fromNumber,
      TWILIO_API_URL: twilio.url,
    },
  });
  try {
    const auth = app.credentials!;
    const headers = {
      'content-type': 'application/json',
      'x-api-key': auth.apiKey,
      'x-organization-id': auth.organizationId,
    };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${app.baseUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const campaign = await post('/v1/campaigns', {
      campaignTitle: 'Bench',
      channel: 'SMS',
      company: 'Acme',
    });
    const availability = {
      timezone: 'America/New_York',
      timeSlots: [2, 3, 4, 5, 6].map((d) => ({
        date: dateInDays(d),
        startTime: '09:00',
        endTime: '17:00',
      })),
    };
    const phones: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const phoneNumber = `+1415${String(2_000_000 + i).padStart(7, '0')}`;
      const created = await post('/v1/scheduling/conversations', {
        campaignId: campaign.body.id,
        firstName: `Casey${i}`,
        phoneNumber,
        meetingParticipants: [
          { name: `Ivy ${i}`, email: `ivy${i}@bench.example`, isOrganizer: true, availability },
        ],
        meetingConfiguration: {
          title: 'Interview',
          duration: 30,
          timezone: 'America/New_York',
          videoConferencing: false,
          openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
        },
      });
      if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
      phones.push(phoneNumber);
    }
    const deadline = Date.now() + 120_000;
    while (new Set(twilio.sent.map((m) => m.to)).size < CONVERSATIONS) {
      if (Date.now() > deadline) throw new Error('the openings did not all go out in 2 minutes');
      await sleep(200);
    }

    // Replies at RATE a second; each waits for the next message Twilio gets for its number.
    const waiting = new Map<string, (m: SentMessage) => void>();
    twilio.onSent = (m) => {
      const done = waiting.get(m.to);
      if (done) {
        waiting.delete(m.to);
        done(m);
      }
    };
    const texts = ['Is the role remote?', 'Thursday afternoon?', 'what times do you have?', 'hmm'];
    const latencies: number[] = [];
    const failures: string[] = [];
    const total = RATE * SECONDS;
    const started = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      // Each number answers once in a round, so every reply's answer is told apart.
      const phone = phones[i % phones.length]!;
      inFlight.push(
        (async () => {
          const answered = new Promise<SentMessage>((resolve) => waiting.set(phone, resolve));
          const sentAt = Date.now();
          const res = await twilio.inbound(app.baseUrl, {
            from: phone,
            body: texts[i % texts.length]!,
          });
          if (res.status !== 200) failures.push(`HTTP ${res.status}`);
          const answer = await Promise.race([answered, sleep(10_000).then(() => null)]);
          if (answer) latencies.push(answer.receivedAt - sentAt);
          else failures.push('no answer within 10 s');
        })(),
      );
    }
    await Promise.all(inFlight);
    const sorted = [...latencies].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    return {
      rows: [
        [
          `inbound SMS → answer at Twilio, ${RATE}/s for ${SECONDS} s (${latencies.length} answered${failures.length ? `, ${failures.length} failed` : ''}) p50`,
          `${p50} ms`,
          '—',
          true,
        ],
        [
          `inbound SMS → answer at Twilio, p99`,
          `${p99} ms`,
          `≤ ${TARGET_P99_MS} ms`,
          p99 <= TARGET_P99_MS && failures.length === 0,
        ],
      ],
    };
  } finally {
    await app.stop();
    await twilio.close();
    await database.drop();
  }
}
