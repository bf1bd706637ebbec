import 'server-only';
import { isId } from '@/lib/contracts/common';
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ConversationStatus, SchedulingStatus } from '@/lib/contracts/conversation';
import { readSearchTerm, type SearchTerm } from '@/lib/contracts/dashboard-conversations';
import { DomainError } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { campaigns } from '@/lib/server/db/schema/campaigns';
import { conversations } from '@/lib/server/db/schema/conversations';
import { fullName } from '@/lib/domain/people/full-name';

export type ConversationListItem = {
  id: string;
  candidate: string;
  emailAddress: string | null;
  phoneNumber: string | null;
  externalId: string | null;
  campaignId: string;
  campaignTitle: string | null;
  status: ConversationStatus;
  schedulingStatus: SchedulingStatus | null;
  needsReview: boolean;
  createdAt: string;
};

export type ConversationListPage = {
  items: ConversationListItem[];
  /** Opaque cursors for the "Next" (older) and "Previous" (newer) links; null when none. */
  nextCursor: string | null;
  previousCursor: string | null;
};

export type ConversationListParams = {
  organizationId: string;
  status?: ConversationStatus | undefined;
  schedulingStatus?: SchedulingStatus | undefined;
  campaignId?: string | undefined;
  needsReview?: boolean | undefined;
  /** Name, email, phone or external id: which one is read from its shape. */
  q?: string | undefined;
  /** Older than this cursor (a nextCursor), or newer than it (a previousCursor). */
  after?: string | undefined;
  before?: string | undefined;
  limit?: number;
};

type Position = { createdAt: string; id: string };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * The created_at as text with its microseconds (a JS Date keeps milliseconds only), so a cursor
 * names the row's exact position.
 */
const createdAtText = sql<string>`to_char(${conversations.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeListCursor(position: Position): string {
  return Buffer.from(`${position.createdAt}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeListCursor(cursor: string): Position {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!INSTANT.test(createdAt) || !isId(id)) {
    throw new DomainError('validation_error', 'This page link is out of date; start again.', [
      { path: 'cursor', message: 'is not a cursor of this list' },
    ]);
  }
  return { createdAt, id };
}

/** The text range of every string that starts with `prefix` (text_pattern_ops order: bytes). */
function prefixRange(expression: SQL, prefix: string): SQL {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  const upper = chars.join('') + String.fromCodePoint(Math.min(last + 1, 0x10ffff));
  return sql`(${expression} ~>=~ ${prefix} and ${expression} ~<~ ${upper})`;
}

// These expressions are those of the search indexes of migration 0008: keep them identical.
const emailKey = sql`lower(${conversations.emailAddress})`;
const phoneKey = sql`reverse(regexp_replace(${conversations.phoneNumber}, '[^0-9]', '', 'g'))`;
const nameKey = sql`lower(${conversations.firstName} || ' ' || coalesce(${conversations.lastName}, ''))`;
const lastNameKey = sql`lower(${conversations.lastName})`;

function searchCondition(term: SearchTerm): SQL {
  switch (term.kind) {
    case 'email':
      return prefixRange(emailKey, term.value);
    case 'phone':
      // By its last digits: "+1 415 555 0134", "4155550134" and "0134" all find +14155550134.
      return or(
        prefixRange(phoneKey, [...term.digits].reverse().join('')),
        eq(conversations.externalId, term.raw),
      )!;
    case 'name':
      return or(
        prefixRange(nameKey, term.value),
        prefixRange(lastNameKey, term.value),
        eq(conversations.externalId, term.raw),
      )!;
  }
}

/**
 * One page of the dashboard's conversations, newest first (created_at, then id), with keyset
 * cursors both ways, so every page — the first or the 50th, filtered or searched — is one index
 * range scan of the indexes of migration 0008 at any number of rows.
 */
export async function listConversationsPage(
  db: Db,
  params: ConversationListParams,
): Promise<ConversationListPage> {
  const limit = params.limit ?? 25;
  const isBackward = !params.after && !!params.before;
  const cursor = params.after
    ? decodeListCursor(params.after)
    : params.before
      ? decodeListCursor(params.before)
      : null;
  const term = readSearchTerm(params.q);
  const filters: (SQL | undefined)[] = [
    eq(conversations.organizationId, params.organizationId),
    params.status ? eq(conversations.status, params.status) : undefined,
    params.schedulingStatus
      ? eq(conversations.schedulingStatus, params.schedulingStatus)
      : undefined,
    params.campaignId ? eq(conversations.campaignId, params.campaignId) : undefined,
    params.needsReview ? eq(conversations.needsReview, true) : undefined,
    term ? searchCondition(term) : undefined,
    cursor
      ? isBackward
        ? sql`(${conversations.createdAt}, ${conversations.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${conversations.createdAt}, ${conversations.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
      : undefined,
  ];
  const order = isBackward
    ? [asc(conversations.createdAt), asc(conversations.id)]
    : [desc(conversations.createdAt), desc(conversations.id)];
  const rows = await db
    .select({
      id: conversations.id,
      firstName: conversations.firstName,
      lastName: conversations.lastName,
      emailAddress: conversations.emailAddress,
      phoneNumber: conversations.phoneNumber,
      externalId: conversations.externalId,
      campaignId: conversations.campaignId,
      status: conversations.status,
      schedulingStatus: conversations.schedulingStatus,
      needsReview: conversations.needsReview,
      createdAt: conversations.createdAt,
      position: createdAtText,
    })
    .from(conversations)
    .where(and(...filters))
    .orderBy(...order)
    .limit(limit + 1);

  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  if (isBackward) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  const at = (row: { position: string; id: string }) =>
    encodeListCursor({ createdAt: row.position, id: row.id });
  // Forward: older rows exist when the query found one more; newer ones when we came by a cursor.
  // Backward: the mirror image.
  const hasOlder = isBackward ? !!cursor : hasMore;
  const hasNewer = isBackward ? hasMore : !!cursor;

  const titles = await campaignTitles(db, params.organizationId, [
    ...new Set(pageRows.map((r) => r.campaignId)),
  ]);
  return {
    items: pageRows.map((row) => ({
      id: row.id,
      candidate: fullName(row),
      emailAddress: row.emailAddress,
      phoneNumber: row.phoneNumber,
      externalId: row.externalId,
      campaignId: row.campaignId,
      campaignTitle: titles.get(row.campaignId) ?? null,
      status: row.status,
      schedulingStatus: row.schedulingStatus,
      needsReview: row.needsReview,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: hasOlder && last ? at(last) : null,
    previousCursor: hasNewer && first ? at(first) : null,
  };
}

async function campaignTitles(
  db: Db,
  organizationId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, organizationId), inArray(campaigns.id, ids)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The organization's campaigns for the list's filter (archived ones too: old rows name them). */
export async function listCampaignChoices(
  db: Db,
  params: { organizationId: string },
): Promise<{ id: string; title: string; isArchived: boolean }[]> {
  const rows = await db
    .select({ id: campaigns.id, title: campaigns.title, deletedAt: campaigns.deletedAt })
    .from(campaigns)
    .where(eq(campaigns.organizationId, params.organizationId))
    .orderBy(asc(campaigns.title))
    .limit(500);
  return rows.map((r) => ({ id: r.id, title: r.title, isArchived: r.deletedAt !== null }));
}
