'use server';

import { revalidatePath } from 'next/cache';
import {
  closeConversationFormSchema,
  resendBookingLinkFormSchema,
} from '@/lib/contracts/dashboard-conversations';
import { dashboardAction } from '@/lib/server/dashboard/action';
import { closeConversation } from '@/lib/server/services/conversations/close-conversation';
import { resendBookingUrl } from '@/lib/server/services/conversations/resend-booking-url';

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export const closeConversationAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: closeConversationFormSchema,
    read: (form) => ({ conversationId: field(form, 'conversationId') }),
  },
  async ({ db, now, member, input }) => {
    await closeConversation(db, {
      organizationId: member.organizationId,
      id: input.conversationId,
      now,
    });
    revalidatePath(`/dashboard/conversations/${input.conversationId}`);
    return {
      status: 'ok',
      message: 'The conversation was closed; its meeting, if any, cancelled.',
    };
  },
);

export const resendBookingLinkAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: resendBookingLinkFormSchema,
    read: (form) => ({ conversationId: field(form, 'conversationId') }),
  },
  async ({ db, now, member, input }) => {
    await resendBookingUrl(db, {
      organizationId: member.organizationId,
      locator: { conversationId: input.conversationId },
      now,
    });
    revalidatePath(`/dashboard/conversations/${input.conversationId}`);
    return { status: 'ok', message: 'The booking link was sent again.' };
  },
);
