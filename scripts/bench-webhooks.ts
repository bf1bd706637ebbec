/**
 * `npm run bench:webhooks`: events to a local receiver through the real pipeline (outbox rows,
 * pg-boss jobs, signed HTTP POSTs), on PostgreSQL, in two runs of BENCH_EVENTS (10,000) each:
 * - burst: every event committed as fast as 16 producers can; the drain rate is the throughput;
 * - steady: events committed at BENCH_RATE per second (default 500); commit-to-receipt latency.
 * Targets (issue 5): ≥ 500 deliveries/s, p99 ≤ 1 s.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshDatabase, percentile } from './bench-support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const PRODUCERS = 16;

type Run = {
  committedAt: Map<string, number>;
  latencies: number[];
  seen: Set<string>;
  duplicates: number;
  firstCommit: number;
  lastReceipt: number;
  done: () => void;
};

async function main(): Promise<void> {
  const database = await freshDatabase('parley_bench_hooks');
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    PARLEY_ALLOW_PRIVATE_WEBHOOKS: '1',
    PARLEY_DEMO_SEED: '0',
    PARLEY_LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '24',
  });
  const { ensureBooted } = await import('@/lib/server/boot');
  const { getDb, closeDb } = await import('@/lib/server/db/client');
  const { stopBoss } = await import('@/lib/server/jobs/boss');
  const { createOrganization } =
    await import('@/lib/server/services/organizations/create-organization');
  const { createWebhook } = await import('@/lib/server/services/webhooks/manage-webhooks');
  const { recordEvent } = await import('@/lib/server/webhooks/outbox');

  let run: Run | null = null;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200).end();
      if (!run) return;
      const id = String(req.headers['webhook-id']);
      const now = performance.now();
      if (run.seen.has(id)) run.duplicates++;
      run.seen.add(id);
      const committed = run.committedAt.get(id);
      if (committed !== undefined) run.latencies.push(now - committed);
      run.lastReceipt = Math.max(run.lastReceipt, now);
      if (run.seen.size >= EVENTS) run.done();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  try {
    await ensureBooted();
    const db = getDb();
    const { organizationId } = await createOrganization(db, { name: 'Bench', now: new Date() });
    await createWebhook(db, {
      organizationId,
      values: { url, events: null, description: null },
      now: new Date(),
    });

    const produce = async (n: number, current: Run) => {
      const eventId = await db.transaction((tx) =>
        recordEvent(tx, {
          organizationId,
          event: 'CONVERSATION_STARTED',
          conversationId: null,
          data: {
            organizationId,
            conversationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
            externalConversationId: null,
            campaignId: '00000000-0000-4000-8000-000000000000',
            externalCampaignId: null,
            conversationStatus: 'ONGOING',
          },
          now: new Date(),
        }),
      );
      const at = performance.now();
      current.committedAt.set(eventId, at);
      current.firstCommit = Math.min(current.firstCommit, at);
    };

    for (const mode of ['burst', 'steady'] as const) {
      let resolveDone = () => {};
      const finished = new Promise<void>((resolve) => (resolveDone = resolve));
      const current: Run = {
        committedAt: new Map(),
        latencies: [],
        seen: new Set(),
        duplicates: 0,
        firstCommit: Infinity,
        lastReceipt: 0,
        done: () => resolveDone(),
      };
      run = current;
      const started = performance.now();
      if (mode === 'burst') {
        let next = 0;
        await Promise.all(
          Array.from({ length: PRODUCERS }, async () => {
            while (next < EVENTS) await produce(next++, current);
          }),
        );
      } else {
        // Paced: event n is committed at about n / RATE seconds, from as many producers as needed.
        const pending: Promise<void>[] = [];
        for (let n = 0; n < EVENTS; n++) {
          const due = started + (n * 1000) / RATE;
          const wait = due - performance.now();
          if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
          pending.push(produce(EVENTS + n, current));
        }
        await Promise.all(pending);
      }
      const produced = performance.now();
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 180_000))]);
      current.latencies.sort((a, b) => a - b);
      const seconds = (current.lastReceipt - current.firstCommit) / 1000;
      console.log(
        `\n${mode === 'burst' ? 'Burst' : `Steady ${RATE}/s`}: ${EVENTS} events → local receiver (PostgreSQL, embedded worker)`,
      );
      console.log('  committed in                %s s', ((produced - started) / 1000).toFixed(2));
      console.log(
        '  received                    %d (duplicates: %d)',
        current.seen.size,
        current.duplicates,
      );
      console.log('  deliveries per second       %s', (current.seen.size / seconds).toFixed(0));
      console.log(
        '  commit→receipt p50 / p99    %s ms / %s ms (max %s ms)',
        percentile(current.latencies, 50).toFixed(0),
        percentile(current.latencies, 99).toFixed(0),
        current.latencies.at(-1)?.toFixed(0),
      );
    }
    console.log('\nTargets: ≥ 500 deliveries/s (burst), commit→receipt p99 ≤ 1000 ms (steady).');
  } finally {
    await stopBoss();
    await closeDb();
    receiver.close();
    await database.drop();
  }
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
