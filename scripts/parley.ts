/**
 * Operator CLI: `npm run parley -- <command>`. Every command prints one JSON line on stdout;
 * messages for people go to stderr.
 *
 *   org create --name "Acme"                     → {"organizationId","apiKey"}
 *   key create --org <id> [--name n] [--expires <ISO instant> | --expires-in-days n]
 *   key list --org <id>
 *   key revoke --org <id> --key <key id>
 *   user invite --org <id> --email <e> --role <OWNER|ADMIN|RECRUITER|VIEWER> [--name n]
 *                                                → {"userId","email","role","signInUrl",…}
 *   user link --email <e>                        → a new one-time sign-in link for a member:
 *                                                  {"userId","memberships","signInUrl",…}
 *   reply --conversation <id> "<text>"           → answer as the candidate (dev transport):
 *                                                  {"understood","status","answers",…}
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb, getDb } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { startBoss, stopBoss } from '@/lib/server/jobs/boss';
import { createApiKey } from '@/lib/server/services/api-keys/create-api-key';
import { listApiKeys, revokeApiKey } from '@/lib/server/services/api-keys/manage-api-keys';
import { emailSchema } from '@/lib/contracts/common';
import { DomainError } from '@/lib/domain/errors';
import { inviteMemberSchema } from '@/lib/contracts/members';
import { inviteMember, memberSignInLink } from '@/lib/server/services/members/invite-member';
import { createOrganization } from '@/lib/server/services/organizations/create-organization';
import { replyAsCandidate } from '@/lib/server/services/agent/dev-reply';

const usage = `Usage: npm run parley -- <command>
  org create --name <name>
  key create --org <organization id> [--name <name>] [--expires <ISO instant> | --expires-in-days <n>]
  key list --org <organization id>
  key revoke --org <organization id> --key <key id>
  user invite --org <organization id> --email <address> --role <OWNER|ADMIN|RECRUITER|VIEWER> [--name <name>]
  user link --email <address of a member>
  reply --conversation <conversation id> "<the candidate's reply>"`;

const uuid = z.uuid();

class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

function organizationId(value: string | undefined): string {
  const parsed = uuid.safeParse(required(value, 'org'));
  if (!parsed.success) throw new UsageError('--org must be an organization id (UUID)');
  return parsed.data;
}

function expiry(values: { expires?: string; 'expires-in-days'?: string }, now: Date): Date | null {
  if (values.expires && values['expires-in-days'])
    throw new UsageError('use --expires or --expires-in-days, not both');
  if (values.expires) {
    const date = new Date(values.expires);
    if (Number.isNaN(date.getTime())) throw new UsageError('--expires must be an ISO-8601 instant');
    return date;
  }
  if (values['expires-in-days']) {
    const days = Number(values['expires-in-days']);
    if (!Number.isInteger(days) || days < 1)
      throw new UsageError('--expires-in-days must be a whole number ≥ 1');
    return new Date(now.getTime() + days * 86_400_000);
  }
  return null;
}

async function run(argv: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      key: { type: 'string' },
      expires: { type: 'string' },
      'expires-in-days': { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      conversation: { type: 'string' },
    },
  });
  // `reply` takes the candidate's words as its positional text.
  const command = positionals[0] === 'reply' ? 'reply' : positionals.join(' ');
  const known = [
    'org create',
    'key create',
    'key list',
    'key revoke',
    'user invite',
    'user link',
    'reply',
  ];
  if (!known.includes(command))
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');

  const now = new Date();
  await migrateDatabase();
  const db = getDb();
  switch (command) {
    case 'org create': {
      const name = required(values.name, 'name').trim();
      return createOrganization(db, { name, now });
    }
    case 'key create': {
      const { apiKey, key } = await createApiKey(db, {
        organizationId: organizationId(values.org),
        name: values.name?.trim() || 'API key',
        expiresAt: expiry(values, now),
        now,
      });
      return { ...key, apiKey };
    }
    case 'reply': {
      const id = uuid.safeParse(required(values.conversation, 'conversation'));
      if (!id.success) throw new UsageError('--conversation must be a conversation id (UUID)');
      const text = positionals.slice(1).join(' ').trim();
      if (!text)
        throw new UsageError(
          'give the reply text, e.g. reply --conversation <id> "Tuesday at 2pm works"',
        );
      // A reply adds jobs (a booking syncs its meeting, sends go out on jobs) for the app's
      // workers to run; this process only enqueues them.
      await startBoss({ enqueueOnly: true });
      return replyAsCandidate(db, { conversationId: id.data, text, now });
    }
    case 'key list':
      return listApiKeys(db, { organizationId: organizationId(values.org) });
    case 'user link': {
      const email = emailSchema.safeParse(required(values.email, 'email'));
      if (!email.success) throw new UsageError(`--email ${email.error.issues[0]!.message}`);
      return memberSignInLink(db, { email: email.data, now });
    }
    case 'user invite': {
      const parsed = inviteMemberSchema.safeParse({
        email: required(values.email, 'email'),
        role: required(values.role, 'role').toUpperCase(),
        ...(values.name ? { name: values.name } : {}),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new UsageError(`--${String(issue.path[0])} ${issue.message}`);
      }
      return inviteMember(db, {
        organizationId: organizationId(values.org),
        values: parsed.data,
        now,
        email: false,
      }).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'conflict')
          throw new Error(
            `${error.message} For a new sign-in link: user link --email ${parsed.data.email}`,
          );
        throw error;
      });
    }
    default: {
      const id = uuid.safeParse(required(values.key, 'key'));
      if (!id.success) throw new UsageError('--key must be a key id (UUID) from `key list`');
      await revokeApiKey(db, { organizationId: organizationId(values.org), id: id.data, now });
      return { revoked: id.data };
    }
  }
}

async function main(): Promise<void> {
  let code = 0;
  try {
    console.log(JSON.stringify(await run(process.argv.slice(2))));
  } catch (error) {
    code = error instanceof UsageError ? 2 : 1;
    console.error(`parley: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(usage);
  } finally {
    await stopBoss().catch(() => undefined);
    await closeDb().catch(() => undefined);
  }
  process.exit(code);
}

void main();
