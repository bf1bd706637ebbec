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
    put: <T = any>(path: string, body?: unknown, o: Omit<RequestOptions, 'auth' | 'body'> = {}) =>
      call<T>('PUT', path, { ...o, body, auth }),
    delete: <T = any>(path: string, o: Omit<RequestOptions, 'auth'> = {}) =>
      call<T>('DELETE', path, { ...o, auth }),
  };
}
export type Client = ReturnType<typeof client>;

/**
 * A request on its own connection (no keep-alive pool): for bodies the server refuses before
 * reading them, after which it closes the connection.
 */
export async function isolatedRequest(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks: string[] },
): Promise<{ status: number; body: any }> {
  const http = await import('node:http');
  const url = new URL(path, await baseUrl());
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: options.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }),
      );
    });
    req.on('error', reject);
    const write = (i: number): void => {
      if (i >= options.chunks.length) return void req.end();
      if (!req.write(options.chunks[i])) req.once('drain', () => write(i + 1));
      else write(i + 1);
    };
    write(0);
  });
}
