import { DomainError } from '@/lib/domain/errors';
import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { listRescheduleOptions } from '@/lib/server/services/meetings/reschedule-options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The starts a meeting can move to, for the dashboard's reschedule form. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'RECRUITER' },
  async ({ db, now, member, params }) => {
    if (!UUID.test(params.id)) throw new DomainError('not_found', 'Meeting not found');
    const starts = await listRescheduleOptions(db, {
      organizationId: member.organizationId,
      meetingId: params.id,
      now,
    });
    return { starts };
  },
);
