import { buildOpenApiDocument } from '@/lib/contracts/openapi';
import { env } from '@/lib/env';
import { otherMethods } from '@/lib/server/http/methods';

let cached: string | undefined;

export function GET(): Response {
  cached ??= JSON.stringify(buildOpenApiDocument(env().APP_URL));
  return new Response(cached, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
