'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useActionState, useEffect, useRef } from 'react';
import { Badge, Card, Notice, PageHeader } from '@/components/ui/bits';
import { Button } from '@/components/ui/button';
import type { ConversationPage } from '@/lib/contracts/dashboard-conversations';
import { idleForm, type FormState } from '@/lib/contracts/form-state';
import { humanize, SchedulingBadge, StatusBadge } from './conversation-badges';
import { LocalTime } from './local-time';
import { QueryProvider } from './query-provider';
import { formatDateTime, formatTimeRange, useViewerZone } from './viewer-time';
import styles from './conversations.module.css';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

type Props = {
  initial: ConversationPage;
  /** RECRUITER and up: close, resend the link. A VIEWER gets no control at all. */
  canChange: boolean;
  closeAction: Action;
  resendAction: Action;
  takeoverAction: Action;
  messageAction: Action;
  /** Development only (the channel has no real provider): answer as the candidate. */
  candidateReplyAction: Action | null;
};

/** How often the page asks for new messages, events and deliveries. */
const POLL_MS = 4000;

export function ConversationView(props: Props) {
  return (
    <QueryProvider>
      <LiveConversation {...props} />
    </QueryProvider>
  );
}

function LiveConversation({
  initial,
  canChange,
  closeAction,
  resendAction,
  takeoverAction,
  messageAction,
  candidateReplyAction,
}: Props) {
  const query = useQuery({
    queryKey: ['conversation', initial.id],
    initialData: initial,
    refetchInterval: POLL_MS,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/dashboard/conversations/${initial.id}/live`, { signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as ConversationPage;
    },
  });
  const c = query.data;
  const isOpen = c.status === 'CREATED' || c.status === 'QUEUED' || c.status === 'ONGOING';
  const canResend =
    c.status === 'ONGOING' &&
    !!c.bookingUrl &&
    (c.schedulingStatus === 'LINK_SENT' || c.schedulingStatus === 'CANCELLED');
  return (
    <>
      <PageHeader
        title={c.candidate}
        lead={
          <>
            <a href="/dashboard/conversations">Conversations</a>
            {c.campaignTitle ? ` · ${c.campaignTitle}` : null}
          </>
        }
        actions={
          canChange ? (
            <div className={styles.controls}>
              {canResend ? <ResendForm conversationId={c.id} action={resendAction} /> : null}
              {isOpen || c.isHumanTakeover ? (
                <TakeoverForm
                  conversationId={c.id}
                  isTakenOver={c.isHumanTakeover}
                  action={takeoverAction}
                />
              ) : null}
              {isOpen || c.status === 'COMPLETED' ? (
                <CloseForm
                  conversationId={c.id}
                  hasMeeting={c.meeting?.status === 'SCHEDULED'}
                  action={closeAction}
                />
              ) : null}
            </div>
          ) : undefined
        }
      />
      {query.isError ? (
        <Notice tone="error">
          The page could not refresh; what you see may be out of date. It will try again.
        </Notice>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.side}>
          <Card title="Messages">
            <Thread messages={c.messages} />
            {canChange && c.status !== 'OPTED_OUT' && c.status !== 'DELIVERY_FAILED' ? (
              <MessageForm
                conversationId={c.id}
                channel={c.channel}
                isTakenOver={c.isHumanTakeover}
                action={messageAction}
              />
            ) : null}
            {canChange && candidateReplyAction ? (
              <CandidateReplyForm conversationId={c.id} action={candidateReplyAction} />
            ) : null}
          </Card>
          <Card title="Timeline">
            <Timeline events={c.timeline} />
          </Card>
        </div>
        <div className={styles.side}>
          <Card title="Details">
            <dl className={styles.facts} data-testid="conversation-facts">
              <dt>Status</dt>
              <dd data-testid="conversation-status">
                <StatusBadge status={c.status} />
              </dd>
              <dt>Scheduling</dt>
              <dd>
                <SchedulingBadge status={c.schedulingStatus} />
              </dd>
              {c.needsReview ? (
                <>
                  <dt>Review</dt>
                  <dd>
                    <Badge tone="warn">Needs review</Badge>
                  </dd>
                </>
              ) : null}
              {c.isHumanTakeover ? (
                <>
                  <dt>Agent</dt>
                  <dd>Taken over by a recruiter</dd>
                </>
              ) : null}
              <dt>Email</dt>
              <dd>{c.emailAddress ?? '—'}</dd>
              <dt>Phone</dt>
              <dd>{c.phoneNumber ?? '—'}</dd>
              <dt>External id</dt>
              <dd>{c.externalId ?? '—'}</dd>
              <dt>Created</dt>
              <dd>
                <LocalTime iso={c.createdAt} />
              </dd>
              {c.bookingUrl ? (
                <>
                  <dt>Booking link</dt>
                  <dd>
                    <a href={c.bookingUrl} target="_blank" rel="noopener noreferrer">
                      Open the candidate&apos;s booking page
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </Card>
          <Card title="Meeting">
            <MeetingDetails meeting={c.meeting} />
          </Card>
        </div>
      </div>
    </>
  );
}

function Thread({ messages }: { messages: ConversationPage['messages'] }) {
  if (messages.length === 0) {
    return (
      <p className={styles.muted}>
        No message yet. The first one goes out when the conversation starts.
      </p>
    );
  }
  return (
    <ol className={styles.thread} aria-label="Messages, oldest first">
      {messages.map((m) => (
        <li
          key={m.id}
          data-testid="thread-message"
          className={`${styles.message} ${
            m.author === 'CANDIDATE'
              ? styles.inbound
              : m.author === 'SYSTEM'
                ? styles.system
                : styles.outbound
          }`}
        >
          <p className={styles.meta}>
            <span>
              {m.author === 'CANDIDATE'
                ? 'Candidate'
                : m.author === 'AGENT'
                  ? 'Agent'
                  : m.author === 'HUMAN'
                    ? 'Recruiter'
                    : `Parley to ${m.to}`}
            </span>
            <span>· {humanize(m.channel === 'WHATSAPP' ? 'WHATSAPP' : m.channel)}</span>
            <span>
              · <LocalTime iso={m.createdAt} />
            </span>
            <span>
              · <Badge tone={m.status === 'FAILED' ? 'bad' : 'neutral'}>{humanize(m.status)}</Badge>
            </span>
          </p>
          {m.subject ? <p className={styles.eventName}>{m.subject}</p> : null}
          <p className={styles.body}>{m.body}</p>
          {m.error ? <p className={styles.muted}>Error: {m.error}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Timeline({ events }: { events: ConversationPage['timeline'] }) {
  if (events.length === 0) {
    return <p className={styles.muted}>No event yet. Events and their webhooks appear here.</p>;
  }
  return (
    <ol className={styles.timeline} aria-label="Events, oldest first">
      {events.map((e) => (
        <li key={e.id} className={styles.event} data-testid="timeline-event">
          <span className={styles.eventName}>{e.event}</span> · <LocalTime iso={e.createdAt} />
          {e.deliveries.length === 0 ? (
            <p className={styles.muted}>No webhook endpoint subscribed.</p>
          ) : (
            <ul className={styles.deliveries}>
              {e.deliveries.map((d) => (
                <li key={d.id} data-testid="timeline-delivery">
                  <Badge
                    tone={
                      d.status === 'SUCCEEDED' ? 'good' : d.status === 'FAILED' ? 'bad' : 'neutral'
                    }
                  >
                    {humanize(d.status)}
                  </Badge>{' '}
                  <span className={styles.mono}>{d.endpointUrl}</span>
                  {d.statusCode !== null ? ` · HTTP ${d.statusCode}` : null}
                  {d.durationMs !== null ? ` · ${d.durationMs} ms` : null}
                  {d.attemptCount > 1 ? ` · ${d.attemptCount} attempts` : null}
                  {d.error ? ` · ${d.error}` : null}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function MeetingDetails({ meeting }: { meeting: ConversationPage['meeting'] }) {
  const zone = useViewerZone();
  if (!meeting) return <p className={styles.muted}>No meeting booked yet.</p>;
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);
  return (
    <dl className={styles.facts} data-testid="meeting-card">
      <dt>Status</dt>
      <dd>
        <Badge tone={meeting.status === 'SCHEDULED' ? 'good' : 'neutral'}>
          {humanize(meeting.status)}
        </Badge>
      </dd>
      <dt>Title</dt>
      <dd>{meeting.title}</dd>
      <dt>When</dt>
      <dd>
        <time dateTime={meeting.start}>
          {formatDateTime(start, zone).replace(/, [^,]*$/, '')}, {formatTimeRange(start, end, zone)}
        </time>{' '}
        ({zone})
      </dd>
      <dt>With</dt>
      <dd>
        {meeting.participants.length === 0
          ? '—'
          : meeting.participants
              .map((p) => (p.isOrganizer ? `${p.name} (organizer)` : p.name))
              .join(', ')}
      </dd>
      {meeting.meetingUrl ? (
        <>
          <dt>Video</dt>
          <dd>
            <a href={meeting.meetingUrl} target="_blank" rel="noopener noreferrer">
              {meeting.isDevelopmentRoom
                ? 'Development video room'
                : `Join ${meeting.videoProvider ?? 'the video call'}`}
            </a>
          </dd>
        </>
      ) : null}
      {meeting.location ? (
        <>
          <dt>Where</dt>
          <dd>{meeting.location}</dd>
        </>
      ) : null}
      {meeting.cancellationReason ? (
        <>
          <dt>Reason</dt>
          <dd>{meeting.cancellationReason}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** After an action succeeds, fetch the page's data now rather than at the next poll. */
function useRefreshOn(state: FormState, conversationId: string) {
  const client = useQueryClient();
  const seen = useRef(state);
  useEffect(() => {
    if (state !== seen.current && state.status === 'ok') {
      void client.invalidateQueries({ queryKey: ['conversation', conversationId] });
    }
    seen.current = state;
  }, [state, client, conversationId]);
}

function ResendForm(props: { conversationId: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  useRefreshOn(state, props.conversationId);
  return (
    <form action={submit} className={styles.inlineForm}>
      <input type="hidden" name="conversationId" value={props.conversationId} />
      <Button type="submit" size="small" aria-disabled={isPending}>
        {isPending ? 'Sending…' : 'Resend booking link'}
      </Button>
      {state.message ? (
        <Notice tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Notice>
      ) : null}
    </form>
  );
}

/** Closing stops the agent and cancels the meeting: it asks first. */
function CloseForm(props: { conversationId: string; hasMeeting: boolean; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  useRefreshOn(state, props.conversationId);
  return (
    <details>
      <summary className={styles.summaryButton}>Close conversation</summary>
      <form action={submit} className={styles.confirm}>
        <input type="hidden" name="conversationId" value={props.conversationId} />
        <p className={styles.muted}>
          The agent stops writing to the candidate
          {props.hasMeeting ? ' and the booked meeting is cancelled; everyone is told' : ''}. This
          cannot be undone.
        </p>
        <Button type="submit" variant="danger" size="small" aria-disabled={isPending}>
          {isPending ? 'Closing…' : 'Yes, close it'}
        </Button>
        {state.message ? (
          <Notice tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Notice>
        ) : null}
      </form>
    </details>
  );
}

/** Take over (the agent goes quiet) or hand back (it resumes). */
function TakeoverForm(props: { conversationId: string; isTakenOver: boolean; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  useRefreshOn(state, props.conversationId);
  return (
    <form action={submit} className={styles.inlineForm}>
      <input type="hidden" name="conversationId" value={props.conversationId} />
      <input type="hidden" name="takeover" value={props.isTakenOver ? 'off' : 'on'} />
      <Button type="submit" size="small" variant="secondary" aria-disabled={isPending}>
        {props.isTakenOver ? 'Hand back to the agent' : 'Take over'}
      </Button>
      {state.message ? (
        <Notice tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Notice>
      ) : null}
    </form>
  );
}

const channelNames = { SMS: 'SMS', WHATSAPP: 'WhatsApp', EMAIL: 'email' } as const;

/** A recruiter writes to the candidate; sending takes the conversation over. */
function MessageForm(props: {
  conversationId: string;
  channel: 'SMS' | 'WHATSAPP' | 'EMAIL';
  isTakenOver: boolean;
  action: Action;
}) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  useRefreshOn(state, props.conversationId);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);
  const id = `message-${props.conversationId}`;
  return (
    <form ref={formRef} action={submit} className={styles.composer}>
      <input type="hidden" name="conversationId" value={props.conversationId} />
      <label htmlFor={id}>Write to the candidate by {channelNames[props.channel]}</label>
      <textarea id={id} name="body" rows={3} maxLength={1600} required />
      <p className={styles.muted}>
        {props.isTakenOver
          ? 'You have the conversation: the agent stays quiet until you hand it back.'
          : 'Sending takes the conversation over: the agent stops until you hand it back.'}
      </p>
      <Button type="submit" size="small" aria-disabled={isPending}>
        {isPending ? 'Sending…' : 'Send'}
      </Button>
      {state.message ? (
        <Notice tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Notice>
      ) : null}
    </form>
  );
}

/** Development: the dev transport reaches no phone or inbox, so answer as the candidate here. */
function CandidateReplyForm(props: { conversationId: string; action: Action }) {
  const [state, submit, isPending] = useActionState(props.action, idleForm);
  useRefreshOn(state, props.conversationId);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);
  const id = `reply-${props.conversationId}`;
  return (
    <form ref={formRef} action={submit} className={styles.composer} data-testid="candidate-reply">
      <input type="hidden" name="conversationId" value={props.conversationId} />
      <label htmlFor={id}>Reply as the candidate (development)</label>
      <textarea
        id={id}
        name="text"
        rows={2}
        maxLength={2000}
        required
        placeholder="Tuesday at 2pm works"
      />
      <Button type="submit" size="small" variant="secondary" aria-disabled={isPending}>
        {isPending ? 'Replying…' : 'Reply as candidate'}
      </Button>
      {state.message ? (
        <Notice tone={state.status === 'error' ? 'error' : 'success'}>{state.message}</Notice>
      ) : null}
    </form>
  );
}
