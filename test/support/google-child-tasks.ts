/**
 * Work the Google HTTP test does on its app's database with the app stopped (an embedded
 * database has one opener at a time), run as `tsx --conditions=react-server` with that app's
 * settings (test/support/google-app.ts):
 * - `seed`: migrations, an organization with an API key, and the calendar connections the connect
 *   flow would store (user calendar + GOOGLE connection, tokens encrypted);
 * - `poll`: the scheduled `meetings.poll` job, once;
 * - `inspect`: the connections and the recorded events of the organization.
 * Reads a JSON input on stdin, prints one JSON line.
 */
import { and, eq } from 'drizzle-orm';
import { pollMeetingEvents } from '@/lib/server/calendar/poll-meeting-events';
import { encryptSecret } from '@/lib/server/crypto/secrets';
import { closeDb, getDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { calendarConnections, userCalendars } from '@/lib/server/db/schema/calendars';
import { eventOutbox } from '@/lib/server/db/schema/outbox';
import { newId } from '@/lib/server/ids';
import { startBoss, stopBoss } from '@/lib/server/jobs/boss';
import { createOrganization } from '@/lib/server/services/organizations/create-organization';

type SeedInput = { connections: { email: string; name: string; credentials: string }[] };
type InspectInput = { organizationId: string };

async function readInput(): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text ? JSON.parse(text) : {};
}

async function seed(input: SeedInput) {
  const db = getDb();
  const now = new Date();
  const org = await createOrganization(db, { name: 'Google Calendar Org', now });
  for (const c of input.connections) {
    const email = c.email.toLowerCase();
    await db
      .insert(userCalendars)
      .values({ id: newId(), organizationId: org.organizationId, email, name: c.name });
    await db.insert(calendarConnections).values({
      id: newId(),
      organizationId: org.organizationId,
      provider: 'GOOGLE',
      email,
      accountEmail: email,
      credentials: encryptSecret(c.credentials),
      connectedAt: now,
    });
  }
  return org;
}

async function inspect(input: InspectInput) {
  const db = getDb();
  const connections = await db
    .select({
      email: calendarConnections.email,
      status: calendarConnections.status,
      failureReason: calendarConnections.failureReason,
    })
    .from(calendarConnections)
    .where(eq(calendarConnections.organizationId, input.organizationId));
  const events = await db
    .select({ type: eventOutbox.eventType, payload: eventOutbox.payload })
    .from(eventOutbox)
    .where(and(eq(eventOutbox.organizationId, input.organizationId)));
  return { connections, events };
}

async function main(): Promise<void> {
  const task = process.argv[2];
  const input = await readInput();
  await migrateDatabase();
  await startBoss();
  let result: unknown;
  if (task === 'seed') result = await seed(input as SeedInput);
  else if (task === 'poll') result = { reported: await pollMeetingEvents(getDb(), new Date()) };
  else if (task === 'inspect') result = await inspect(input as InspectInput);
  else throw new Error(`unknown task ${task}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await stopBoss();
  await closeDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
