import { buildOpenApiDocument } from '@/lib/contracts/openapi';
import { env } from '@/lib/env';

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
