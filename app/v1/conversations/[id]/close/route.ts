import { apiRoute, ok } from '@/lib/server/http/route';
import { closeConversation } from '@/lib/server/services/conversations/close-conversation';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) =>
    ok(await closeConversation(db, { organizationId: caller.organizationId, id: params.id, now })),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
