import { DomainError } from '@/lib/domain/errors';
import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { getConversationPage } from '@/lib/server/services/conversations/get-conversation-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the conversation page polls to stay live: its thread, timeline and meeting. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'VIEWER' },
  async ({ db, member, params }) => {
    if (!UUID.test(params.id)) throw new DomainError('not_found', 'Conversation not found');
    return getConversationPage(db, { organizationId: member.organizationId, id: params.id });
  },
);
