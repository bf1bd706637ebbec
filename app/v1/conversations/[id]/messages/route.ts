import { paginationQuerySchema } from '@/lib/contracts/common';
import { sendMessageSchema } from '@/lib/contracts/conversation';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { otherMethods } from '@/lib/server/http/methods';
import {
  listConversationMessages,
  sendRecruiterMessage,
} from '@/lib/server/services/conversations/conversation-messages';

export const GET = apiRoute<{ id: string }, undefined, typeof paginationQuerySchema>(
  { uuidParams: ['id'], query: paginationQuerySchema },
  async ({ db, caller, params, query }) =>
    ok(
      await listConversationMessages(db, {
        organizationId: caller.organizationId,
        conversationId: params.id,
        ...query,
      }),
    ),
);

export const POST = apiRoute<{ id: string }, typeof sendMessageSchema>(
  { uuidParams: ['id'], body: sendMessageSchema },
  async ({ db, caller, params, body, now }) =>
    created(
      await sendRecruiterMessage(db, {
        organizationId: caller.organizationId,
        id: params.id,
        body: body.body,
        now,
      }),
    ),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
