import 'server-only';
import { isId } from '@/lib/contracts/common';
import type { z } from 'zod';
import { DomainError } from '@/lib/domain/errors';
import type { ApiCaller } from '@/lib/server/auth/api-keys';
import { getDb, type Db } from '@/lib/server/db/client';
import { ensureBooted } from '@/lib/server/boot';
import { now as clockNow } from '@/lib/server/clock';
import { rateLimitHeaders, type RateLimitOutcome } from '@/lib/domain/rate-limits';
import { readJsonBody } from './body';
import { authenticateAndCount, hitRateLimit, publicBuckets } from './rate-limit';
import { issuesToDetails, summarize, toErrorResponse } from './errors';
import {
  hashRequest,
  validateIdempotencyKey,
  withIdempotency,
  type StoredResponse,
} from './idempotency';

export type ApiResult = { status: number; body?: unknown };

type Params = Record<string, string>;
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Context<P extends Params, B, Q, A> = {
  req: Request;
  db: Db;
  now: Date;
  params: P;
  body: B;
  query: Q;
  caller: A;
};

type Spec<B extends Schema | undefined, Q extends Schema | undefined, A extends boolean> = {
  /** true (default): `x-api-key` + `x-organization-id`; false: public (booking token routes). */
  auth?: A;
  body?: B;
  query?: Q;
  /** Path parameters that must be UUIDs; anything else is a 404 without touching the database. */
  uuidParams?: string[];
  /** Idempotency scope of public routes (authenticated routes use the organization). */
  idempotencyScope?: (params: Params) => string;
};

export const ok = (body: unknown): ApiResult => ({ status: 200, body });
export const created = (body: unknown): ApiResult => ({ status: 201, body });
export const noContent = (): ApiResult => ({ status: 204 });

/**
 * The one wrapper of every `/v1` handler: authentication, rate limits, JSON body (≤ 1 MB) and
 * query parsing with the contract schemas, Idempotency-Key on POST, and the single error body.
 */
export function apiRoute<
  P extends Params = Params,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  A extends boolean = true,
>(
  spec: Spec<B, Q, A>,
  handler: (
    ctx: Context<P, Out<B>, Out<Q>, A extends false ? null : ApiCaller>,
  ) => Promise<ApiResult>,
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    const context = `${req.method} ${new URL(req.url).pathname}`;
    let limits: RateLimitOutcome | null = null;
    try {
      await ensureBooted();
      const db = getDb();
      const now = clockNow();
      const params = await route.params;
      // Who is asking comes first (DESIGN §2): without a valid key every path is a 401. The rate
      // limit (per key: counted in the same statement as the key lookup) follows, then the path
      // parameters, query and body.
      let caller: ApiCaller | null = null;
      if (spec.auth === false) {
        limits = await hitRateLimit(db, publicBuckets(req.headers, params.token), now);
      } else {
        const authenticated = await authenticateAndCount(db, req.headers, now).catch(
          async (error: unknown) => {
            // Guessing keys counts against the client's address, at the public limit.
            limits = await hitRateLimit(db, publicBuckets(req.headers, undefined), now);
            throw limits?.isLimited ? rateLimited(limits) : error;
          },
        );
        caller = authenticated.caller;
        limits = authenticated.limits;
      }
      if (limits?.isLimited) throw rateLimited(limits);
      for (const name of spec.uuidParams ?? []) {
        if (!isId(params[name] ?? '')) throw new DomainError('not_found', 'Not found');
      }
      const query = spec.query ? parseWith(spec.query, queryObject(req), 'query') : undefined;
      const raw = spec.body ? (await readJsonBody(req)).value : undefined;

      const execute = async (): Promise<StoredResponse> => {
        const body = spec.body ? parseWith(spec.body, raw, 'body') : undefined;
        const result = await handler({
          req,
          db,
          now,
          params,
          body: body as Out<B>,
          query: query as Out<Q>,
          caller: caller as A extends false ? null : ApiCaller,
        });
        return { status: result.status, body: result.body };
      };

      const key = req.method === 'POST' ? req.headers.get('idempotency-key') : null;
      if (key === null) return toResponse(await execute(), { limits });
      const scope = caller?.organizationId ?? spec.idempotencyScope?.(params) ?? 'public';
      const result = await withIdempotency(
        db,
        {
          scope,
          key: validateIdempotencyKey(key),
          requestHash: hashRequest(req.method, new URL(req.url).pathname, raw ?? null),
          now,
        },
        () => execute().catch((error: unknown) => toErrorResponse(error, context)),
      );
      return toResponse(result, { replayed: result.replayed, limits });
    } catch (error) {
      return toResponse(toErrorResponse(error, context), { limits });
    }
  };
}

function rateLimited(limits: RateLimitOutcome): DomainError {
  return new DomainError(
    'rate_limited',
    `Too many requests: at most ${limits.limit} a minute. Try again in ${limits.retryAfterSeconds} s.`,
  );
}

function parseWith<S extends Schema>(
  schema: S,
  value: unknown,
  where: 'body' | 'query',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = issuesToDetails(parsed.error.issues);
  throw new DomainError(
    'validation_error',
    where === 'query' ? `Invalid query parameter: ${summarize(details)}` : summarize(details),
    details,
  );
}

function queryObject(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(req.url).searchParams) {
    if (value.includes('\0') || key.includes('\0')) {
      throw new DomainError(
        'validation_error',
        `Invalid query parameter ${key}: must not contain NUL characters`,
        [{ path: key, message: 'must not contain NUL characters' }],
      );
    }
    if (key !== '__proto__' && key !== 'constructor' && key !== 'prototype') out[key] = value;
  }
  return out;
}

export function toResponse(
  result: { status: number; body?: unknown },
  options: { replayed?: boolean; limits?: RateLimitOutcome | null; headers?: HeadersInit } = {},
): Response {
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    ...(options.limits ? rateLimitHeaders(options.limits) : {}),
    ...Object.fromEntries(new Headers(options.headers)),
  };
  if (options.replayed) headers['idempotent-replayed'] = 'true';
  if (result.status === 204 || result.body === undefined) {
    return new Response(null, { status: result.status, headers });
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return new Response(JSON.stringify(result.body), { status: result.status, headers });
}
