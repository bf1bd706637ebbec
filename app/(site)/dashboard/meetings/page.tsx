import type { Metadata } from 'next';
import { Agenda } from '@/components/dashboard/agenda';
import { PageHeader } from '@/components/ui/bits';
import { hasRole } from '@/lib/contracts/members';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { listAgenda } from '@/lib/server/services/meetings/list-agenda';
import { cancelMeetingAction, rescheduleMeetingAction } from './actions';

export const metadata: Metadata = { title: 'Meetings' };

/** Upcoming meetings by day (DESIGN §9): move or cancel them. */
export default async function MeetingsPage() {
  const { member, data } = await loadForPage('/dashboard/meetings', ({ db, now, member }) =>
    listAgenda(db, { organizationId: member.organizationId, now }),
  );
  return (
    <>
      <PageHeader
        title="Meetings"
        lead="Every booked interview that has not ended, soonest first, in your time zone."
      />
      <Agenda
        meetings={data}
        canChange={hasRole(member.role, 'RECRUITER')}
        cancelAction={cancelMeetingAction}
        rescheduleAction={rescheduleMeetingAction}
      />
    </>
  );
}
