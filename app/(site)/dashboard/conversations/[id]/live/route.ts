import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { getConversationPage } from '@/lib/server/services/conversations/get-conversation-page';

/** What the conversation page polls to stay live: its thread, timeline and meeting. */
export const GET = sessionRoute<{ id: string }>(
  { role: 'VIEWER', idParams: ['id'] },
  async ({ db, member, params }) => {
    return getConversationPage(db, { organizationId: member.organizationId, id: params.id });
  },
);
