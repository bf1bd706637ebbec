/**
 * Benchmark of the dashboard's conversations pages (`npm run bench:dashboard`) on PostgreSQL:
 *
 *   1. a fresh database (the local server at 127.0.0.1:5432, or BENCH_ADMIN_URL's), migrated;
 *   2. one organization with BENCH_CONVERSATIONS (default 1,000,000) conversations in 20
 *      campaigns and one participant each, seeded straight in SQL (generate_series), then ANALYZE;
 *      a second organization with a few rows, so every query has to scope by organization;
 *   3. the list page's real service (listConversationsPage) timed BENCH_RUNS times per query: the
 *      first page, status + campaign, search by email, by phone, by external id, by name, and the
 *      50th page reached by walking the cursors; p50/p95 next to the target (p95 ≤ 50 ms), and
 *      each query's EXPLAIN: the indexes it uses, and that no Seq Scan touches conversations;
 *   4. the conversation page's service (getConversationPage) for a conversation with 200
 *      messages and 20 events with webhook deliveries.
 * The database is dropped afterwards.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { freshDatabase, percentile } from './bench-support';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const TARGET_MS = 50;
const CAMPAIGNS = 20;
const CHUNK = 250_000;

type Captured = { query: string; params: unknown[] };

async function main(): Promise<void> {
  const database = await freshDatabase('parley_bench_dashboard');
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    PARLEY_DEMO_SEED: '0',
    PARLEY_LOG_LEVEL: 'warn',
  });
  const { migrateDatabase } = await import('@/lib/server/db/migrate');
  const { getDb, closeDb } = await import('@/lib/server/db/client');
  const schema = await import('@/lib/server/db/schema');
  const { listConversationsPage } =
    await import('@/lib/server/services/conversations/list-conversations-page');
  const { getConversationPage } =
    await import('@/lib/server/services/conversations/get-conversation-page');
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  try {
    await migrateDatabase();
    const started = performance.now();
    const { organizationId, campaignIds, conversationId } = await seed(sql);
    console.log(
      `Seeded ${CONVERSATIONS.toLocaleString('en-US')} conversations (+ participants) in ${((performance.now() - started) / 1000).toFixed(1)} s; ANALYZE done.`,
    );

    const db = getDb();
    // A second client that records the SQL the service sends, to EXPLAIN exactly that.
    let captured: Captured[] = [];
    const recording = drizzle(sql, {
      schema,
      logger: { logQuery: (query, params) => captured.push({ query, params }) },
    }) as unknown as typeof db;

    const pick = (n: number) => 1 + ((n * 7919) % CONVERSATIONS);
    const queries: { name: string; params: (run: number) => Record<string, unknown> }[] = [
      { name: 'first page', params: () => ({}) },
      {
        name: 'status + campaign',
        params: (run) => ({ status: 'ONGOING', campaignId: campaignIds[run % CAMPAIGNS] }),
      },
      {
        name: 'needs review',
        params: () => ({ needsReview: true }),
      },
      {
        name: 'search by email',
        params: (run) => ({ q: `Candidate${pick(run)}@Example.com` }),
      },
      {
        name: 'search by phone (national)',
        params: (run) => ({ q: phoneOf(pick(run)).slice(2) }),
      },
      { name: 'search by external id', params: (run) => ({ q: `ats-${pick(run)}` }) },
      { name: 'search by name prefix', params: (run) => ({ q: `${NAMES[run % NAMES.length]} k` }) },
    ];

    // The 50th page: walk 49 "Next" cursors from the first page.
    let cursor: string | null = null;
    const walkStart = performance.now();
    for (let page = 1; page < 50; page++) {
      const result = await listConversationsPage(db, {
        organizationId,
        ...(cursor ? { after: cursor } : {}),
      });
      cursor = result.nextCursor;
      if (!cursor) throw new Error(`no page after ${page}`);
    }
    const walkMs = performance.now() - walkStart;
    queries.push({ name: '50th page (cursor)', params: () => ({ after: cursor }) });

    const rows: string[][] = [];
    for (const q of queries) {
      for (let run = 0; run < 10; run++) {
        await listConversationsPage(db, { organizationId, ...q.params(run) });
      }
      const times: number[] = [];
      let found = 0;
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        const page = await listConversationsPage(db, { organizationId, ...q.params(run) });
        times.push(performance.now() - t0);
        found += page.items.length;
      }
      times.sort((a, b) => a - b);
      captured = [];
      await listConversationsPage(recording, { organizationId, ...q.params(1) });
      const plan = await explain(sql, captured[0]!);
      const p95 = percentile(times, 95);
      rows.push([
        q.name,
        percentile(times, 50).toFixed(2),
        p95.toFixed(2),
        `≤ ${TARGET_MS}`,
        p95 <= TARGET_MS && !plan.seqScanOnConversations ? 'ok' : 'OVER',
        (found / RUNS).toFixed(1),
        plan.summary,
      ]);
    }
    console.log(
      `\nConversations list (listConversationsPage, 25 rows a page, ${RUNS} runs each after 10 warm-up runs; walking to page 50 took ${walkMs.toFixed(0)} ms)`,
    );
    printTable(['query', 'p50 ms', 'p95 ms', 'target p95', 'ok', 'rows', 'plan'], rows);

    // The conversation page with 200 messages.
    for (let run = 0; run < 10; run++) {
      await getConversationPage(db, { organizationId, id: conversationId });
    }
    const pageTimes: number[] = [];
    let shown = { messages: 0, events: 0, deliveries: 0 };
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      const page = await getConversationPage(db, { organizationId, id: conversationId });
      pageTimes.push(performance.now() - t0);
      shown = {
        messages: page.messages.length,
        events: page.timeline.length,
        deliveries: page.timeline.reduce((n, e) => n + e.deliveries.length, 0),
      };
    }
    pageTimes.sort((a, b) => a - b);
    console.log(
      `\nConversation page (getConversationPage: ${shown.messages} messages, ${shown.events} events, ${shown.deliveries} deliveries; ${RUNS} runs)`,
    );
    printTable(
      ['query', 'p50 ms', 'p95 ms', 'target p95', 'ok'],
      [
        [
          'conversation page data',
          percentile(pageTimes, 50).toFixed(2),
          percentile(pageTimes, 95).toFixed(2),
          `≤ ${TARGET_MS}`,
          percentile(pageTimes, 95) <= TARGET_MS ? 'ok' : 'OVER',
        ],
      ],
    );
  } finally {
    await sql.end();
    await closeDb();
    await database.drop();
  }
}

const NAMES = [
  'Ana',
  'Ben',
  'Chloe',
  'Dmitri',
  'Esther',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
];
const LAST = ['Kowalski', 'Lopez', 'Nguyen', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Singh'];

/** The phone of seeded conversation `n`: E.164, US. */
function phoneOf(n: number): string {
  return `+1${String(2_000_000_000 + n)}`;
}

async function seed(sql: postgres.Sql) {
  const [org] = await sql<{ id: string }[]>`
    insert into organizations (id, name) values (gen_random_uuid(), 'Bench') returning id`;
  const [other] = await sql<{ id: string }[]>`
    insert into organizations (id, name) values (gen_random_uuid(), 'Other') returning id`;
  const organizationId = org!.id;
  const campaignIds: string[] = [];
  for (const [orgId, count] of [
    [organizationId, CAMPAIGNS],
    [other!.id, 1],
  ] as const) {
    const made = await sql<{ id: string }[]>`
      insert into campaigns (id, organization_id, title, type, channel, closing_method, questions,
        agent_tone, conversation_timeout_hours, status)
      select gen_random_uuid(), ${orgId}, 'Campaign ' || n, 'SCHEDULING', 'EMAIL',
        'CALENDAR_MEETING_INTEGRATION', '[]'::jsonb, 'FRIENDLY', 48, 'LIVE'
      from generate_series(1, ${count}) n returning id`;
    if (orgId === organizationId) campaignIds.push(...made.map((c) => c.id));
  }
  const names = `{${NAMES.join(',')}}`;
  const lasts = `{${LAST.join(',')}}`;
  // In chunks, so no single statement holds a million rows of index work in memory.
  for (let from = 1; from <= CONVERSATIONS; from += CHUNK) {
    const to = Math.min(CONVERSATIONS, from + CHUNK - 1);
    await sql`
      with made as (
      insert into conversations (id, organization_id, campaign_id, status, scheduling_status,
        first_name, last_name, phone_number, email_address, external_id, needs_review,
        booking_token, meeting_configuration, created_at, updated_at)
      select gen_random_uuid(), ${organizationId}, (${campaignIds}::uuid[])[1 + n % ${CAMPAIGNS}],
        (array['ONGOING','ONGOING','ONGOING','COMPLETED','COMPLETED','CLOSED','CLOSED','CLOSED',
               'OPTED_OUT','DELIVERY_FAILED','QUEUED','CREATED'])[1 + abs(hashint4(n)) % 12],
        (array['LINK_SENT','SCHEDULED','CANCELLED','AWAITING_AVAILABILITY','NO_AVAILABILITY',
               'LINK_SENT'])[1 + abs(hashint4(n + 17)) % 6],
        (${names}::text[])[1 + n % ${NAMES.length}],
        (${lasts}::text[])[1 + (n / 10) % ${LAST.length}],
        '+1' || (2000000000 + n)::text,
        'candidate' || n || '@example.com',
        'ats-' || n,
        n % 50 = 0,
        null, null,
        date_trunc('milliseconds', now() - make_interval(secs => (${CONVERSATIONS} - n) * 0.6)),
        now()
      from generate_series(${from}::int, ${to}::int) n
      returning id, organization_id)
      insert into conversation_participants (id, organization_id, conversation_id, position, name,
        email, is_organizer, is_calendar_connected, auto_collect_availability)
      select gen_random_uuid(), organization_id, id, 0, 'Ivy Interviewer',
        'ivy' || (abs(hashtext(id::text)) % 40) || '@example.com', true, false, false
      from made`;
  }
  await sql`
    insert into conversations (id, organization_id, campaign_id, status, first_name, email_address,
      external_id, created_at, updated_at)
    select gen_random_uuid(), ${other!.id}, (select id from campaigns where organization_id = ${other!.id}),
      'ONGOING', 'Other', 'other' || n || '@example.com', 'ats-' || n, now(), now()
    from generate_series(1, 1000) n`;

  // The conversation of the page benchmark: 200 messages, 20 events with deliveries and attempts.
  const [target] = await sql<{ id: string; email_address: string }[]>`
    select id, email_address from conversations
    where organization_id = ${organizationId} and external_id = 'ats-1000'`;
  const conversationId = target!.id;
  await sql`
    insert into messages (id, organization_id, conversation_id, direction, channel, to_address,
      body, transport, status, created_at)
    select gen_random_uuid(), ${organizationId}, ${conversationId},
      case when n % 2 = 0 then 'INBOUND' else 'OUTBOUND' end, 'EMAIL', ${target!.email_address},
      'Message number ' || n || ': ' || repeat('lorem ipsum ', 20), 'dev',
      case when n % 2 = 0 then 'RECEIVED' else 'SENT' end,
      now() - make_interval(mins => 200 - n)
    from generate_series(1, 200) n`;
  const [endpoint] = await sql<{ id: string }[]>`
    insert into webhook_endpoints (id, organization_id, url, secret, status)
    values (gen_random_uuid(), ${organizationId}, 'https://hooks.example.com/parley', 'whsec_x', 'ACTIVE')
    returning id`;
  await sql`
    insert into event_outbox (id, organization_id, event_type, conversation_id, payload, created_at)
    select 'evt_bench_' || n, ${organizationId}, 'CONVERSATION_STARTED', ${conversationId}, '{}'::json,
      now() - make_interval(mins => 20 - n)
    from generate_series(1, 20) n`;
  await sql`
    insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, status,
      attempt_count, last_status_code)
    select gen_random_uuid(), ${organizationId}, ${endpoint!.id}, 'evt_bench_' || n,
      'CONVERSATION_STARTED', 'SUCCEEDED', 1, 200
    from generate_series(1, 20) n`;
  await sql`
    insert into webhook_attempts (id, delivery_id, attempt, attempted_at, duration_ms, status_code)
    select gen_random_uuid(), id, 1, now(), 42, 200 from webhook_deliveries`;
  // Deliveries of other events, so the timeline's lookup by event id has a haystack.
  await sql`
    insert into event_outbox (id, organization_id, event_type, payload, created_at)
    select 'evt_other_' || n, ${organizationId}, 'CONVERSATION_STARTED', '{}'::json, now()
    from generate_series(1, 50000) n`;
  await sql`
    insert into webhook_deliveries (id, organization_id, endpoint_id, event_id, event_type, status)
    select gen_random_uuid(), ${organizationId}, ${endpoint!.id}, 'evt_other_' || n,
      'CONVERSATION_STARTED', 'SUCCEEDED'
    from generate_series(1, 50000) n`;
  await sql`analyze`;
  return { organizationId, campaignIds, conversationId };
}

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
};

async function explain(sql: postgres.Sql, query: Captured) {
  const [row] = await sql.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    `explain (format json) ${query.query}`,
    query.params as postgres.ParameterOrJSON<never>[],
  );
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(row!['QUERY PLAN'][0].Plan);
  const indexes = [...new Set(nodes.map((n) => n['Index Name']).filter(Boolean))];
  const types = [...new Set(nodes.map((n) => n['Node Type']))];
  const seqScanOnConversations = nodes.some(
    (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'conversations',
  );
  return {
    seqScanOnConversations,
    summary: `${types.join(' > ')}; indexes: ${indexes.join(', ') || 'none'}${seqScanOnConversations ? '; SEQ SCAN on conversations' : '; no Seq Scan on conversations'}`,
  };
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
