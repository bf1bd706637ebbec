import { apiRoute, ok } from '@/lib/server/http/route';
import { getConversation } from '@/lib/server/services/conversations/get-conversation';
import { otherMethods } from '@/lib/server/http/methods';

export const GET = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params }) =>
    ok(await getConversation(db, { organizationId: caller.organizationId, id: params.id })),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
