import { isId } from '@/lib/contracts/common';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConversationView } from '@/components/dashboard/conversation-view';
import { hasRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { loadForPage } from '@/lib/server/dashboard/page-data';
import { getConversationPage } from '@/lib/server/services/conversations/get-conversation-page';
import { canReplyAsCandidate } from '@/lib/server/services/agent/dev-reply';
import {
  candidateReplyAction,
  closeConversationAction,
  recruiterMessageAction,
  resendBookingLinkAction,
  takeoverAction,
} from '../actions';

export const metadata: Metadata = { title: 'Conversation' };

/** One conversation: thread, timeline of events and webhooks, meeting, actions (DESIGN §9). */
export default async function ConversationPage(props: { params: Promise<{ id: string }> }) {
  const { id } = await props.params;
  if (!isId(id)) notFound();
  const { member, data } = await loadForPage(`/dashboard/conversations/${id}`, ({ db, member }) =>
    getConversationPage(db, { organizationId: member.organizationId, id }).catch(
      (error: unknown) => {
        if (error instanceof DomainError && error.code === 'not_found') return null;
        throw error;
      },
    ),
  );
  if (!data) notFound();
  return (
    <ConversationView
      initial={data}
      canChange={hasRole(member.role, 'RECRUITER')}
      closeAction={closeConversationAction}
      resendAction={resendBookingLinkAction}
      takeoverAction={takeoverAction}
      messageAction={recruiterMessageAction}
      candidateReplyAction={canReplyAsCandidate(data.channel) ? candidateReplyAction : null}
    />
  );
}
