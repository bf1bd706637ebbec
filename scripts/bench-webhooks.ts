/**
 * `npm run bench:webhooks`: 10,000 events to a local receiver through the real pipeline (outbox
 * rows, pg-boss jobs, signed HTTP POSTs), on PostgreSQL. Prints deliveries per second and the
 * commit-to-receipt latency. Targets (issue 5): ≥ 500/s, p99 ≤ 1 s.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshDatabase, percentile } from './bench-support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const PRODUCERS = 16;

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

  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let firstCommit = Infinity;
  let lastReceipt = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      const now = performance.now();
      if (seen.has(id)) duplicates++;
      seen.add(id);
      const committed = committedAt.get(id);
      if (committed !== undefined) latencies.push(now - committed);
      lastReceipt = Math.max(lastReceipt, now);
      res.writeHead(200).end();
      if (seen.size >= EVENTS) resolveDone();
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

    let next = 0;
    const producer = async () => {
      while (next < EVENTS) {
        const n = next++;
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
        committedAt.set(eventId, at);
        firstCommit = Math.min(firstCommit, at);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: PRODUCERS }, producer));
    const produced = performance.now();
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 180_000))]);
    latencies.sort((a, b) => a - b);
    const seconds = (lastReceipt - firstCommit) / 1000;
    console.log(`\n${EVENTS} events → local receiver (PostgreSQL, embedded worker)`);
    console.log('  produced (committed) in     %s s', ((produced - started) / 1000).toFixed(2));
    console.log('  received                    %d (duplicates: %d)', seen.size, duplicates);
    console.log(
      '  deliveries per second       %s   (target ≥ 500)',
      (seen.size / seconds).toFixed(0),
    );
    console.log(
      '  commit→receipt p50 / p99    %s ms / %s ms   (target p99 ≤ 1000 ms)',
      percentile(latencies, 50).toFixed(0),
      percentile(latencies, 99).toFixed(0),
    );
    console.log('  commit→receipt max          %s ms', latencies.at(-1)?.toFixed(0));
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
