import { bulkConversationsSchema } from '@/lib/contracts/conversation';
import { apiRoute, ok } from '@/lib/server/http/route';
import { otherMethods } from '@/lib/server/http/methods';
import { bulkCreateConversations } from '@/lib/server/services/conversations/bulk-conversations';

export const POST = apiRoute({ body: bulkConversationsSchema }, async ({ db, caller, body, now }) =>
  ok(
    await bulkCreateConversations(db, { organizationId: caller.organizationId, input: body, now }),
  ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
