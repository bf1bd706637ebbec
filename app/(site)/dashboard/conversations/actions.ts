'use server';

import { revalidatePath } from 'next/cache';
import {
  candidateReplyFormSchema,
  closeConversationFormSchema,
  recruiterMessageFormSchema,
  resendBookingLinkFormSchema,
  takeoverFormSchema,
} from '@/lib/contracts/dashboard-conversations';
import { replyAsCandidate } from '@/lib/server/services/agent/dev-reply';
import {
  sendRecruiterMessage,
  setTakeover,
} from '@/lib/server/services/conversations/conversation-messages';
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

export const takeoverAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: takeoverFormSchema,
    read: (form) => ({
      conversationId: field(form, 'conversationId'),
      takeover: field(form, 'takeover'),
    }),
  },
  async ({ db, now, member, input }) => {
    const takeover = input.takeover === 'on';
    await setTakeover(db, {
      organizationId: member.organizationId,
      id: input.conversationId,
      takeover,
      now,
    });
    revalidatePath(`/dashboard/conversations/${input.conversationId}`);
    return {
      status: 'ok',
      message: takeover
        ? 'You have the conversation: the agent sends nothing until you hand it back.'
        : 'The agent has the conversation again.',
    };
  },
);

export const recruiterMessageAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: recruiterMessageFormSchema,
    read: (form) => ({ conversationId: field(form, 'conversationId'), body: field(form, 'body') }),
  },
  async ({ db, now, member, input }) => {
    await sendRecruiterMessage(db, {
      organizationId: member.organizationId,
      id: input.conversationId,
      body: input.body,
      now,
    });
    revalidatePath(`/dashboard/conversations/${input.conversationId}`);
    return { status: 'ok', message: 'Sent. The agent stays quiet until you hand back.' };
  },
);

/** Development: answer as the candidate (the dev transport has no real phone or inbox). */
export const candidateReplyAction = dashboardAction(
  {
    role: 'RECRUITER',
    schema: candidateReplyFormSchema,
    read: (form) => ({ conversationId: field(form, 'conversationId'), text: field(form, 'text') }),
  },
  async ({ db, now, member, input }) => {
    const result = await replyAsCandidate(db, {
      organizationId: member.organizationId,
      conversationId: input.conversationId,
      text: input.text,
      now,
      onlyDev: true,
    });
    revalidatePath(`/dashboard/conversations/${input.conversationId}`);
    return {
      status: 'ok',
      message: `The agent read it as ${result.understood ?? 'nothing new'} and answered ${result.answers.length} message(s).`,
    };
  },
);
