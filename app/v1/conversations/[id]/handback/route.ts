import { apiRoute, ok } from '@/lib/server/http/route';
import { otherMethods } from '@/lib/server/http/methods';
import { setTakeover } from '@/lib/server/services/conversations/conversation-messages';

export const POST = apiRoute<{ id: string }>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) =>
    ok(
      await setTakeover(db, {
        organizationId: caller.organizationId,
        id: params.id,
        takeover: false,
        now,
      }),
    ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
