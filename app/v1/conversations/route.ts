import { paginationQuerySchema } from '@/lib/contracts/common';
import {
  createConversationSchema,
  listConversationsQuerySchema,
} from '@/lib/contracts/conversation';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { createConversation } from '@/lib/server/services/conversations/create-conversation';
import { listConversations } from '@/lib/server/services/conversations/get-conversation';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute(
  { body: createConversationSchema },
  async ({ db, caller, body, now }) =>
    created(
      await createConversation(db, { organizationId: caller.organizationId, input: body, now }),
    ),
);

export const GET = apiRoute(
  { query: paginationQuerySchema.extend(listConversationsQuerySchema.shape) },
  async ({ db, caller, query }) =>
    ok(await listConversations(db, { organizationId: caller.organizationId, ...query })),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST, GET });
