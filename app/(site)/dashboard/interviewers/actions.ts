'use server';

import { revalidatePath } from 'next/cache';
import {
  devBusyFormSchema,
  devBusyRemoveFormSchema,
  inviteUserCalendarSchema,
  userCalendarFormSchema,
} from '@/lib/contracts/user-calendars';
import { z } from 'zod';
import { DomainError } from '@/lib/domain/errors';
import { isDevCalendarOffered } from '@/lib/server/calendar/dev/dev-offer';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { storeDevConnection } from '@/lib/server/services/user-calendars/connect-flow';
import { addDevBusy, removeDevBusy } from '@/lib/server/services/user-calendars/dev-busy';
import { inviteUserCalendar } from '@/lib/server/services/user-calendars/invite-user-calendar';
import { resendCalendarInvite } from '@/lib/server/services/user-calendars/resend-calendar-invite';
import { resendAvailabilityRequest } from '@/lib/server/services/availability/resend-availability-request';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

const PAGE = '/dashboard/interviewers';

const sentMessage = (email: string, isSent: boolean, url: string) =>
  isSent
    ? `A link to connect their calendar was emailed to ${email}.`
    : `The email to ${email} could not be sent. Pass them this link yourself: ${url}`;

export const inviteInterviewerAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: inviteUserCalendarSchema,
    read: (form) => ({ name: field(form, 'name'), email: field(form, 'email') }),
  },
  async ({ db, now, member, input }) => {
    const invite = await inviteUserCalendar(db, {
      organizationId: member.organizationId,
      values: input,
      now,
    });
    revalidatePath(PAGE);
    return {
      status: 'ok',
      message: sentMessage(input.email, invite.isEmailSent, invite.connectUrl),
    };
  },
);

export const resendInviteAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: userCalendarFormSchema,
    read: (form) => ({ userCalendarId: field(form, 'userCalendarId') }),
  },
  async ({ db, now, member, input }) => {
    const sent = await resendCalendarInvite(db, {
      organizationId: member.organizationId,
      userCalendarId: input.userCalendarId,
      now,
    });
    revalidatePath(PAGE);
    return { status: 'ok', message: sentMessage(sent.email, sent.isEmailSent, sent.connectUrl) };
  },
);

export const requestAvailabilityAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: userCalendarFormSchema,
    read: (form) => ({ userCalendarId: field(form, 'userCalendarId') }),
  },
  async ({ db, now, member, input }) => {
    const sent = await resendAvailabilityRequest(db, {
      organizationId: member.organizationId,
      userCalendarId: input.userCalendarId,
      now,
    });
    revalidatePath(PAGE);
    return { status: 'ok', message: `A request for their times was emailed to ${sent.email}.` };
  },
);

export const connectMyDevCalendarAction = dashboardAction(
  { role: 'RECRUITER', schema: z.object({}), read: () => ({}) },
  async ({ db, now, member }) => {
    if (!isDevCalendarOffered()) {
      throw new DomainError('conflict', 'The development calendar is not offered on this server.');
    }
    await db.transaction((tx) =>
      storeDevConnection(tx, {
        organizationId: member.organizationId,
        email: member.email,
        name: member.name ?? member.email,
        now,
      }),
    );
    revalidatePath('/dashboard', 'layout');
    return { status: 'ok', message: 'Your development calendar is connected.' };
  },
);

export const addDevBusyAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: devBusyFormSchema,
    read: (form) => ({
      userCalendarId: field(form, 'userCalendarId'),
      start: field(form, 'start'),
      end: field(form, 'end'),
      timezone: field(form, 'timezone') || 'UTC',
      label: field(form, 'label'),
    }),
  },
  async ({ db, now, member, input }) => {
    await addDevBusy(db, { organizationId: member.organizationId, ...input, now });
    revalidatePath(PAGE);
    return { status: 'ok', message: 'Busy period added to the development calendar.' };
  },
);

export const removeDevBusyAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: devBusyRemoveFormSchema,
    read: (form) => ({
      userCalendarId: field(form, 'userCalendarId'),
      busyId: field(form, 'busyId'),
    }),
  },
  async ({ db, member, input }) => {
    await removeDevBusy(db, { organizationId: member.organizationId, ...input });
    revalidatePath(PAGE);
    return { status: 'ok', message: 'Busy period removed.' };
  },
);
