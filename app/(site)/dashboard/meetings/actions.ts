'use server';

import { revalidatePath } from 'next/cache';
import {
  cancelMeetingFormSchema,
  rescheduleMeetingFormSchema,
} from '@/lib/contracts/dashboard-meetings';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { cancelMeeting } from '@/lib/server/services/meetings/cancel-meeting';
import { rescheduleMeeting } from '@/lib/server/services/meetings/reschedule-meeting';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export const cancelMeetingAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: cancelMeetingFormSchema,
    read: (form) => ({ meetingId: field(form, 'meetingId'), reason: field(form, 'reason') }),
  },
  async ({ db, now, member, input }) => {
    await cancelMeeting(db, {
      locator: { by: 'meeting', organizationId: member.organizationId, meetingId: input.meetingId },
      reason: input.reason,
      now,
    });
    revalidatePath('/dashboard/meetings');
    return { status: 'ok', message: 'The meeting was cancelled; everyone has been told.' };
  },
);

export const rescheduleMeetingAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: rescheduleMeetingFormSchema,
    read: (form) => ({ meetingId: field(form, 'meetingId'), start: field(form, 'start') }),
  },
  async ({ db, now, member, input }) => {
    await rescheduleMeeting(db, {
      locator: { by: 'meeting', organizationId: member.organizationId, meetingId: input.meetingId },
      start: new Date(input.start),
      now,
    });
    revalidatePath('/dashboard/meetings');
    return { status: 'ok', message: 'The meeting was moved; everyone has an updated invitation.' };
  },
);
