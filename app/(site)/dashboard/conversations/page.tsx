import type { Metadata } from 'next';
import { LocalTime } from '@/components/dashboard/local-time';
import { humanize, SchedulingBadge, StatusBadge } from '@/components/dashboard/conversation-badges';
import styles from '@/components/dashboard/conversations.module.css';
import { Badge, EmptyState, Notice, PageHeader } from '@/components/ui/bits';
import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { conversationStatuses, schedulingStatuses } from '@/lib/contracts/conversation';
import { conversationListQuerySchema } from '@/lib/contracts/dashboard-conversations';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import {
  listCampaignChoices,
  listConversationsPage,
  type ConversationListPage,
} from '@/lib/server/services/conversations/list-conversations-page';

export const metadata: Metadata = { title: 'Conversations' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every conversation, newest first, with filters and a search box (DESIGN §9). */
export default async function ConversationsPage(props: { searchParams: SearchParams }) {
  const raw = await props.searchParams;
  const first = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  const query = conversationListQuerySchema.parse({
    status: first('status'),
    schedulingStatus: first('schedulingStatus'),
    campaignId: first('campaignId'),
    needsReview: first('needsReview'),
    q: first('q'),
    after: first('after'),
    before: first('before'),
  });
  const { data } = await loadForPage('/dashboard/conversations', async ({ db, member }) => {
    const organizationId = member.organizationId;
    const [page, campaigns] = await Promise.all([
      listConversationsPage(db, { organizationId, ...query }).catch(
        (error: unknown): ConversationListPage | 'bad_cursor' => {
          if (error instanceof DomainError && error.code === 'validation_error')
            return 'bad_cursor';
          throw error;
        },
      ),
      listCampaignChoices(db, { organizationId }),
    ]);
    return { page, campaigns };
  });
  const { campaigns } = data;
  const page: ConversationListPage =
    data.page === 'bad_cursor' ? { items: [], nextCursor: null, previousCursor: null } : data.page;
  const isFiltered =
    !!query.status ||
    !!query.schedulingStatus ||
    !!query.campaignId ||
    query.needsReview ||
    !!query.q;
  const linkWith = (cursor: { after?: string; before?: string }) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.status) params.set('status', query.status);
    if (query.schedulingStatus) params.set('schedulingStatus', query.schedulingStatus);
    if (query.campaignId) params.set('campaignId', query.campaignId);
    if (query.needsReview) params.set('needsReview', '1');
    if (cursor.after) params.set('after', cursor.after);
    if (cursor.before) params.set('before', cursor.before);
    return `/dashboard/conversations?${params.toString()}`;
  };

  return (
    <>
      <PageHeader
        title="Conversations"
        lead="Every candidate Parley is talking to, newest first. Times are in your time zone."
      />
      <form method="get" action="/dashboard/conversations" className={styles.filters} role="search">
        <Field
          label="Search"
          hint="A name, an email (with @), a phone number (its last digits are enough) or an external id."
        >
          {(control) => (
            <input
              {...control}
              name="q"
              type="search"
              defaultValue={query.q ?? ''}
              maxLength={200}
            />
          )}
        </Field>
        <Field label="Status">
          {(control) => (
            <select {...control} name="status" defaultValue={query.status ?? ''}>
              <option value="">Any status</option>
              {conversationStatuses.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Scheduling">
          {(control) => (
            <select
              {...control}
              name="schedulingStatus"
              defaultValue={query.schedulingStatus ?? ''}
            >
              <option value="">Any</option>
              {schedulingStatuses.map((s) => (
                <option key={s} value={s}>
                  {humanize(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Campaign">
          {(control) => (
            <select {...control} name="campaignId" defaultValue={query.campaignId ?? ''}>
              <option value="">Every campaign</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.isArchived ? `${c.title} (archived)` : c.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className={styles.filterActions}>
          <label className={styles.checkbox}>
            <input
              type="checkbox"
              name="needsReview"
              value="1"
              defaultChecked={query.needsReview}
            />
            Needs review only
          </label>
          <Button type="submit" variant="primary">
            Apply
          </Button>
          {isFiltered ? <a href="/dashboard/conversations">Clear filters</a> : null}
        </div>
      </form>

      {data.page === 'bad_cursor' ? (
        <Notice tone="error">
          This page link is out of date. <a href={linkWith({})}>Go to the first page</a>.
        </Notice>
      ) : page.items.length === 0 ? (
        isFiltered ? (
          <EmptyState
            title="No conversation matches"
            action={<ButtonLink href="/dashboard/conversations">Clear filters</ButtonLink>}
          >
            Try another spelling, fewer filters, or search by email or phone number instead.
          </EmptyState>
        ) : (
          <EmptyState title="No conversations yet">
            Conversations appear here when you start them through the API (POST /v1/conversations)
            or a campaign sends its first message.
          </EmptyState>
        )
      ) : (
        <>
          <div className={styles.listWrap}>
            <table className={styles.list}>
              <caption className={styles.srOnly}>Conversations, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Campaign</th>
                  <th scope="col">Status</th>
                  <th scope="col">Scheduling</th>
                  <th scope="col">Review</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id} data-testid="conversation-row">
                    <td data-label="Candidate">
                      <div>
                        <a href={`/dashboard/conversations/${c.id}`}>{c.candidate}</a>
                        <span className={styles.contact}>
                          {[c.emailAddress, c.phoneNumber].filter(Boolean).join(' · ')}
                        </span>
                      </div>
                    </td>
                    <td data-label="Campaign">{c.campaignTitle ?? '—'}</td>
                    <td data-label="Status">
                      <StatusBadge status={c.status} />
                    </td>
                    <td data-label="Scheduling">
                      <SchedulingBadge status={c.schedulingStatus} />
                    </td>
                    <td data-label="Review">
                      {c.needsReview ? <Badge tone="warn">Needs review</Badge> : '—'}
                    </td>
                    <td data-label="Created">
                      <LocalTime iso={c.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className={styles.pager} aria-label="Pages">
            {page.previousCursor ? (
              <a href={linkWith({ before: page.previousCursor })} rel="prev">
                ← Previous
              </a>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <a href={linkWith({ after: page.nextCursor })} rel="next">
                Next →
              </a>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
