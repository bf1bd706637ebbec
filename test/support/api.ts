import { startApp } from './app';
import { inject } from 'vitest';

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };
export type Credentials = { organizationId: string; apiKey: string };

type RequestOptions = {
  body?: unknown;
  /** Sent as is (for malformed JSON and oversized bodies). */
  rawBody?: string;
  auth?: Credentials | null;
  headers?: Record<string, string>;
};

export async function baseUrl(): Promise<string> {
  return (await startApp(inject('databaseUrl'))).baseUrl;
}

/** A real HTTP call to the app under test, as an integrator makes it. */
export async function call<T = any>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) {
    headers['x-api-key'] = options.auth.apiKey;
    headers['x-organization-id'] = options.auth.organizationId;
  }
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
  }
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${await baseUrl()}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text)
    parsed = JSON.parse(text);
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Calls bound to one organization's credentials. */
export function client(auth: Credentials) {
  return {
    auth,
    get: <T = any>(path: string, o: Omit<RequestOptions, 'auth'> = {}) =>
      call<T>('GET', path, { ...o, auth }),
    post: <T = any>(path: string, body?: unknown, o: Omit<RequestOptions, 'auth' | 'body'> = {}) =>
      call<T>('POST', path, { ...o, body, auth }),
    patch: <T = any>(path: string, body?: unknown, o: Omit<RequestOptions, 'auth' | 'body'> = {}) =>
      call<T>('PATCH', path, { ...o, body, auth }),
    delete: <T = any>(path: string, o: Omit<RequestOptions, 'auth'> = {}) =>
      call<T>('DELETE', path, { ...o, auth }),
  };
}
export type Client = ReturnType<typeof client>;
