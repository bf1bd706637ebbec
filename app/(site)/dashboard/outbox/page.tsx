import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { LocalTime } from '@/components/dashboard/local-time';
import styles from '@/components/dashboard/settings.module.css';
import { Badge, EmptyState, PageHeader } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { env } from '@/lib/env';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listDevOutbox } from '@/lib/server/services/outbox/list-dev-outbox';

export const metadata: Metadata = { title: 'Outbox (development)' };

const channelLabels = { SMS: 'SMS', WHATSAPP: 'WhatsApp', EMAIL: 'Email' } as const;
const cursorSchema = z.uuid();

/**
 * In development (no RESEND_API_KEY), the messages Parley would have sent to candidates and
 * interviewers of this organization: the development transport records them instead (DESIGN §9).
 */
export default async function OutboxPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (env().RESEND_API_KEY) notFound();
  const raw = (await props.searchParams).before;
  const parsed = cursorSchema.safeParse(typeof raw === 'string' ? raw : undefined);
  const before = parsed.success ? parsed.data : undefined;
  const { data } = await loadForPage('/dashboard/outbox', ({ db, member }) =>
    listDevOutbox(db, { organizationId: member.organizationId, before }),
  );
  return (
    <>
      <PageHeader
        title="Outbox (development)"
        lead="No message provider is configured, so Parley records the SMS, WhatsApp messages and emails it would send, newest first. Nobody received them."
      />
      {data.messages.length === 0 ? (
        <EmptyState
          title={before ? 'No older messages' : 'Nothing sent yet'}
          action={
            before ? (
              <ButtonLink href="/dashboard/outbox" size="small">
                Back to the newest
              </ButtonLink>
            ) : undefined
          }
        >
          {before
            ? 'You have reached the first message.'
            : 'Messages appear here when a conversation starts (POST /v1/conversations) or a meeting is booked, moved or cancelled.'}
        </EmptyState>
      ) : (
        <ul className={styles.messages} aria-label="Sent messages">
          {data.messages.map((m) => (
            <li key={m.id} className={styles.message} data-testid="outbox-message">
              <p className={styles.messageHead}>
                <Badge tone="info">{channelLabels[m.channel]}</Badge>
                <span>
                  To <strong>{m.to}</strong>
                </span>
                <span className={styles.muted}>
                  <LocalTime iso={m.sentAt} />
                </span>
                {m.conversationId ? (
                  <Link href={`/dashboard/conversations/${m.conversationId}`}>
                    Open the conversation
                  </Link>
                ) : null}
              </p>
              {m.subject ? <p className={styles.subject}>{m.subject}</p> : null}
              <p className={styles.body}>{m.body}</p>
            </li>
          ))}
        </ul>
      )}
      {data.nextCursor || before ? (
        <nav className={styles.pager} aria-label="Pages">
          {before ? (
            <ButtonLink href="/dashboard/outbox" size="small">
              Newest
            </ButtonLink>
          ) : null}
          {data.nextCursor ? (
            <ButtonLink href={`/dashboard/outbox?before=${data.nextCursor}`} size="small">
              Older messages
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
