import { Badge, Card, Table } from '@/components/ui/bits';
import type { InterviewerLoad, InterviewerLoadWeek } from '@/lib/contracts/interviewer-load';

const count = (meetings: number, limit: number | null) =>
  limit === null ? String(meetings) : `${meetings} of ${limit}`;

function isFull(load: InterviewerLoad): boolean {
  return (
    (load.maxMeetingsPerDay !== null && load.meetingsToday >= load.maxMeetingsPerDay) ||
    (load.maxMeetingsPerWeek !== null && load.meetingsThisWeek >= load.maxMeetingsPerWeek)
  );
}

/**
 * Each interviewer's meetings today and this week (Monday to Sunday in the week's zone) against
 * their strictest limits in the organization; `names` labels the emails (else the email shows).
 */
export function InterviewerLoadTable(props: {
  week: InterviewerLoadWeek;
  names?: Record<string, string>;
}) {
  const { week } = props;
  return (
    <Card title="Load this week">
      <p>
        Meetings booked in Parley from {week.from} to {week.to} ({week.timezone}), across the
        organization, beside the strictest limits set for each interviewer.
      </p>
      <Table caption={`Interviewer load, week of ${week.from}`}>
        <thead>
          <tr>
            <th scope="col">Interviewer</th>
            <th scope="col">Today</th>
            <th scope="col">This week</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {week.loads.map((load) => (
            <tr key={load.email} data-testid="interviewer-load">
              <th scope="row">{props.names?.[load.email] ?? load.email}</th>
              <td>{count(load.meetingsToday, load.maxMeetingsPerDay)}</td>
              <td>{count(load.meetingsThisWeek, load.maxMeetingsPerWeek)}</td>
              <td>
                {isFull(load) ? (
                  <Badge tone="warn">At a limit</Badge>
                ) : (
                  <Badge tone="good">Can take more</Badge>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
