import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { listRescheduleOptions } from '@/lib/server/services/meetings/reschedule-options';

/** The starts a meeting can move to, for the dashboard's reschedule form. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'RECRUITER', idParams: ['id'] },
  async ({ db, now, member, params }) => {
    const starts = await listRescheduleOptions(db, {
      organizationId: member.organizationId,
      meetingId: params.id,
      now,
    });
    return { starts };
  },
);
