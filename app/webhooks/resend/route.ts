import { resendRoute } from '@/lib/server/http/inbound-routes';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = resendRoute;

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
