import type { Metadata } from 'next';
import {
  ConnectDevForm,
  DevBusyEditor,
  InviteInterviewerForm,
  ResendInviteForm,
} from '@/components/dashboard/interviewers';
import { InterviewerLoadTable } from '@/components/dashboard/interviewer-load';
import styles from '@/components/dashboard/interviewers.module.css';
import { LocalTime } from '@/components/dashboard/local-time';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/bits';
import { ButtonLink } from '@/components/ui/button';
import { hasRole } from '@/lib/contracts/members';
import { calendarProviderLabels } from '@/lib/contracts/user-calendars';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import {
  getInterviewers,
  type Interviewer,
} from '@/lib/server/services/dashboard/get-interviewers';
import {
  addDevBusyAction,
  connectMyDevCalendarAction,
  inviteInterviewerAction,
  removeDevBusyAction,
  requestAvailabilityAction,
  resendInviteAction,
} from './actions';
import { describeSlots } from '@/lib/domain/availability/describe-times';
import { readCity } from '@/lib/domain/time/zone-label';

export const metadata: Metadata = { title: 'Interviewers' };

const connectLabels = { GOOGLE: 'Connect Google Calendar', MICROSOFT: 'Connect Microsoft Outlook' };

const requestLabels = {
  OPEN: 'asked',
  ANSWERED: 'answered',
  EXPIRED: 'no answer',
} as const;

/** Availability collected by email (DESIGN §8): the request, the times given, who waits. */
function CollectedAvailability({ person, canEdit }: { person: Interviewer; canEdit: boolean }) {
  const request = person.availabilityRequest;
  const times = person.availability ? describeSlots(person.availability.timeSlots) : [];
  if (!request && times.length === 0 && person.waitingConversations === 0) return null;
  return (
    <div className={styles.collected} data-testid="collected-availability">
      <p className={styles.meta}>
        <span>Availability by email:</span>
        {request ? (
          <Badge
            tone={
              request.status === 'ANSWERED' ? 'good' : request.status === 'OPEN' ? 'info' : 'bad'
            }
          >
            {requestLabels[request.status]}
          </Badge>
        ) : null}
        {request?.sentAt ? (
          <span>
            requested <LocalTime iso={request.sentAt} />
            {request.remindersSent > 0
              ? `, ${request.remindersSent} reminder${request.remindersSent > 1 ? 's' : ''}`
              : ''}
          </span>
        ) : request?.status === 'OPEN' ? (
          <span>email going out within a minute</span>
        ) : null}
        {request?.answeredAt ? (
          <span>
            answered <LocalTime iso={request.answeredAt} />
          </span>
        ) : null}
      </p>
      {times.length > 0 ? (
        <>
          <p className={styles.muted} id={`times-${person.id}`}>
            {`Their times, ${readCity(person.availability!.timezone)} time (${person.availability!.timezone}):`}
          </p>
          <ul className={styles.times} aria-labelledby={`times-${person.id}`}>
            {times.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {canEdit ? (
        <div className={styles.actions}>
          {person.waitingConversations > 0 ? (
            <ResendInviteForm
              userCalendarId={person.id}
              who={person.name}
              label={
                request?.status === 'OPEN' && request.sentAt
                  ? 'Send the request again'
                  : 'Send availability request'
              }
              action={requestAvailabilityAction}
            />
          ) : null}
          {request ? (
            <ButtonLink size="small" href={request.formUrl} target="_blank" rel="noreferrer">
              {`Enter ${person.name.split(' ')[0]}'s times`}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ConnectionState({ person }: { person: Interviewer }) {
  const c = person.connection;
  if (!c) return <Badge>not connected</Badge>;
  return (
    <>
      <Badge tone={c.provider === 'DEV' ? 'warn' : 'info'}>
        {calendarProviderLabels[c.provider]}
      </Badge>
      {c.status === 'CONNECTED' ? (
        <Badge tone="good">connected</Badge>
      ) : (
        <Badge tone="bad">needs reconnecting</Badge>
      )}
      {c.accountEmail && c.accountEmail !== person.email ? <span>as {c.accountEmail}</span> : null}
      <span>
        since <LocalTime iso={c.connectedAt} />
      </span>
    </>
  );
}

/** People whose calendars Parley reads: connection state, invites, development busy times (DESIGN §9). */
export default async function InterviewersPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cursorParam = (await props.searchParams).cursor;
  const cursor = typeof cursorParam === 'string' ? cursorParam.slice(0, 200) : undefined;
  const { member, data } = await loadForPage('/dashboard/interviewers', ({ db, now, member }) =>
    getInterviewers(db, {
      organizationId: member.organizationId,
      memberEmail: member.email,
      cursor,
      now,
    }),
  );
  const canEdit = hasRole(member.role, 'RECRUITER');
  const own = data.own;

  const person = (p: Interviewer) => {
    const isOwn = p.email === member.email.toLowerCase();
    const needsReconnect = p.connection?.status === 'NEEDS_RECONNECT';
    return (
      <li key={p.id} className={styles.person} data-testid="interviewer-row">
        <div className={styles.head}>
          <div>
            <p className={styles.name}>
              {p.name}
              {isOwn ? ' (you)' : ''}
            </p>
            <p className={styles.meta}>
              <span>{p.email}</span>
              <ConnectionState person={p} />
              {p.waitingConversations > 0 ? (
                <span>{`${p.waitingConversations} waiting for their availability`}</span>
              ) : null}
            </p>
            {needsReconnect && p.connection?.failure ? (
              <p className={styles.muted}>
                Stopped answering <LocalTime iso={p.connection.failure.at} />:{' '}
                {p.connection.failure.reason}. Until it is reconnected, {p.name} offers no times.
              </p>
            ) : null}
          </div>
          {canEdit && p.connection?.provider !== 'DEV' && (!p.connection || needsReconnect) ? (
            <div className={styles.actions}>
              <ResendInviteForm
                userCalendarId={p.id}
                who={p.name}
                label={needsReconnect ? 'Send reconnect link' : 'Send invite'}
                action={resendInviteAction}
              />
            </div>
          ) : null}
        </div>
        <CollectedAvailability person={p} canEdit={canEdit} />
        {canEdit && p.connection?.provider === 'DEV' ? (
          <DevBusyEditor
            userCalendarId={p.id}
            who={p.name}
            busy={p.devBusy}
            addAction={addDevBusyAction}
            removeAction={removeDevBusyAction}
          />
        ) : null}
      </li>
    );
  };

  return (
    <>
      <PageHeader
        title="Interviewers"
        lead="Everyone who takes part in your meetings, and whether Parley can read their calendar."
      />
      <div className={styles.sections}>
        <Card title="Your calendar">
          {own?.connection ? (
            <p className={styles.meta}>
              <ConnectionState person={own} />
            </p>
          ) : (
            <p className={styles.muted}>
              Not connected. Connect it so candidates are offered only times when you are free.
            </p>
          )}
          {canEdit &&
          (!own?.connection ||
            own.connection.status === 'NEEDS_RECONNECT' ||
            own.connection.provider === 'DEV') ? (
            <div className={`${styles.actions} ${styles.spaced}`}>
              {data.providers.map((p) => (
                <ButtonLink key={p} variant="primary" href={`/connect/${p.toLowerCase()}`}>
                  {own?.connection?.provider === p
                    ? `Reconnect ${calendarProviderLabels[p]}`
                    : connectLabels[p]}
                </ButtonLink>
              ))}
              {data.isDevOffered && own?.connection?.provider !== 'DEV' ? (
                <ConnectDevForm action={connectMyDevCalendarAction} />
              ) : null}
            </div>
          ) : null}
          {data.providers.length === 0 ? (
            <p className={styles.note}>
              <Badge tone="warn">development</Badge> No Google or Microsoft credentials are
              configured: the development calendar stands in, with busy times you type below.
            </p>
          ) : null}
        </Card>
        {canEdit ? (
          <Card title="Invite an interviewer">
            <p className={`${styles.muted} ${styles.lead}`}>
              They get an email with a link to connect their Google or Microsoft calendar; it works
              for 14 days.
            </p>
            <InviteInterviewerForm action={inviteInterviewerAction} />
          </Card>
        ) : null}
        {data.load.loads.length > 0 ? (
          <InterviewerLoadTable
            week={data.load}
            names={Object.fromEntries(data.people.map((p) => [p.email.toLowerCase(), p.name]))}
          />
        ) : null}
        <Card title="People">
          {data.people.length === 0 ? (
            <EmptyState title="Nobody yet">
              People appear here once they take part in a meeting template or conversation, or when
              you invite them.
            </EmptyState>
          ) : (
            <ul className={styles.people} aria-label="Interviewers">
              {data.people.map(person)}
            </ul>
          )}
          {data.nextCursor ? (
            <div className={styles.pager}>
              <ButtonLink
                href={`/dashboard/interviewers?cursor=${encodeURIComponent(data.nextCursor)}`}
              >
                Next page
              </ButtonLink>
            </div>
          ) : null}
        </Card>
      </div>
    </>
  );
}
