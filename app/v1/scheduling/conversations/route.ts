import { createSchedulingConversationSchema } from '@/lib/contracts/conversation';
import { apiRoute, created } from '@/lib/server/http/route';
import { createConversation } from '@/lib/server/services/conversations/create-conversation';

export const POST = apiRoute(
  { body: createSchedulingConversationSchema },
  async ({ db, caller, body, now }) =>
    created(
      await createConversation(db, { organizationId: caller.organizationId, input: body, now }),
    ),
);
