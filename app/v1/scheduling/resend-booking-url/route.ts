import { resendBookingUrlSchema } from '@/lib/contracts/conversation';
import { apiRoute, ok } from '@/lib/server/http/route';
import { resendBookingUrl } from '@/lib/server/services/conversations/resend-booking-url';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute({ body: resendBookingUrlSchema }, async ({ db, caller, body, now }) =>
  ok(
    await resendBookingUrl(db, {
      organizationId: caller.organizationId,
      locator:
        body.conversationId !== undefined
          ? { conversationId: body.conversationId }
          : { externalConversationId: body.externalConversationId! },
      now,
    }),
  ),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
