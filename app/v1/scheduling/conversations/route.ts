import { createSchedulingConversationSchema } from '@/lib/contracts/conversation';
import { apiRoute, created } from '@/lib/server/http/route';
import { createConversation } from '@/lib/server/services/conversations/create-conversation';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute(
  { body: createSchedulingConversationSchema },
  async ({ db, caller, body, now }) =>
    created(
      await createConversation(db, { organizationId: caller.organizationId, input: body, now }),
    ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
