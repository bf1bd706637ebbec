import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { MemberRole } from '@/lib/contracts/members';
import { executeRows, getDb } from '@/lib/server/db/client';
import { inviteMember } from '@/lib/server/services/members/invite-member';
import { baseUrl } from './api';
import { uniqueEmail } from './factories';

/** A member signed in to the dashboard through their one-time link, with the session cookie. */
export type SignedIn = { email: string; userId: string; cookie: string };

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Invites a new person into `organizationId` with `role` and signs them in as a browser does. */
export async function signInMember(organizationId: string, role: MemberRole): Promise<SignedIn> {
  const email = uniqueEmail(role.toLowerCase());
  const invited = await inviteMember(getDb(), {
    organizationId,
    values: { email, role },
    now: new Date(),
    email: false,
  });
  const response = await fetch(invited.signInUrl.replace(/^https?:\/\/[^/]+/, await baseUrl()), {
    redirect: 'manual',
  });
  const cookie = cookiesOf(response);
  if (!cookie.includes('next-auth.session-token=')) throw new Error(`${email} was not signed in`);
  return { email, userId: invited.userId, cookie };
}

/** A server action of the production build (.next/server/server-reference-manifest.json). */
export type ManifestAction = { id: string; filename: string; exportedName: string; page: string };

/** Every server action the build has under `folder` (e.g. 'app/(site)/dashboard'). */
export function serverActionsUnder(folder: string): ManifestAction[] {
  const file = path.resolve(
    import.meta.dirname,
    '../../.next/server/server-reference-manifest.json',
  );
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename: string; exportedName: string }
    >;
  };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename.startsWith(`${folder}/`))
    .map(([id, a]) => ({
      id,
      filename: a.filename,
      exportedName: a.exportedName,
      page: Object.keys(a.workers).find((w) => w.startsWith(folder)) ?? Object.keys(a.workers)[0]!,
    }));
}

/** The URL path of an App Router page module ('app/(site)/dashboard/x/[id]/page' → '/dashboard/x/<id>'). */
export function pathOfPage(
  page: string,
  segment: (name: string, parent: string) => string,
): string {
  return (
    page
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .split('/')
      .filter((part) => !/^\(.*\)$/.test(part))
      .map((part, i, all) =>
        /^\[.*\]$/.test(part) ? segment(part.slice(1, -1), all[i - 1] ?? '') : part,
      )
      .join('/') || '/'
  );
}

/**
 * Calls a server action over HTTP as React's client does: `Next-Action` names it, the body is
 * React's reply encoding of its arguments (root `0`, a form's fields `_<n>_<name>`). Both
 * arguments are the same form (`0` = ["$K1","$K2"]), so a `(state, form)` action and a `(form)`
 * one each read the fields. Returns the raw answer.
 */
export async function callAction(params: {
  action: ManifestAction;
  path: string;
  cookie: string;
  fields: Record<string, string>;
}): Promise<{ status: number; text: string; headers: Headers }> {
  const body = new FormData();
  for (const part of [1, 2]) {
    for (const [name, value] of Object.entries(params.fields))
      body.append(`_${part}_${name}`, value);
  }
  // Last, as React's client sends it: the server reads the forms' fields when it decodes the root.
  body.append('0', JSON.stringify(['$K1', '$K2']));
  const origin = await baseUrl();
  const response = await fetch(`${origin}${params.path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: params.cookie,
      origin,
      accept: 'text/x-component',
      'next-action': params.action.id,
    },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/**
 * Everything stored for one organization: its row and every row of every table with an
 * `organization_id` column (found in the catalog, so tables added later are covered too), plus
 * the account emails — to prove a refused call changed nothing.
 */
export async function snapshotOrganization(
  organizationId: string,
  options: { accountEmails: boolean } = { accountEmails: true },
): Promise<string> {
  const db = getDb();
  const tables = await executeRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.columns
        where column_name = 'organization_id' and table_schema = current_schema()
        order by table_name`,
  );
  const parts: Record<string, unknown> = {
    organizations: await executeRows(
      db,
      sql`select * from organizations where id = ${organizationId}`,
    ),
    account_emails: options.accountEmails
      ? await executeRows(db, sql`select id from account_emails order by id`)
      : null,
  };
  for (const { table_name } of tables) {
    parts[table_name] = await executeRows(
      db,
      sql`select * from ${sql.identifier(table_name)} where organization_id = ${organizationId} order by 1`,
    );
  }
  return JSON.stringify(parts);
}

/** The FormState an action answered, read from the RSC payload (null if there is none). */
export function formStateOf(
  text: string,
): { status: string; message?: string; errors?: Record<string, string> } | null {
  for (const line of text.split('\n')) {
    const json = /^[0-9a-f]+:(\{.*\})$/.exec(line)?.[1];
    if (!json) continue;
    try {
      const value = JSON.parse(json) as { status?: unknown };
      if (value.status === 'ok' || value.status === 'error') return value as never;
    } catch {
      // Not a JSON row of the payload.
    }
  }
  return null;
}
