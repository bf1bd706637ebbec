import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { baseUrl, call } from './api';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The API's paths as the app/v1 tree defines them (`[id]` → `{id}`; route groups left out;
 * the catch-all of unknown paths and the OpenAPI document itself excepted).
 */
export function routeTemplates(): string[] {
  const out: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith('[...') || name.startsWith('[[...')) continue;
        const segment = /^\(.*\)$/.test(name)
          ? null
          : name.replace(/^\[(\w+)\]$/, (_, param: string) => `{${param}}`);
        walk(path.join(dir, name), segment === null ? segments : [...segments, segment]);
      } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        out.push(`/${['v1', ...segments].join('/')}`);
      }
    }
  };
  walk(path.join(root, 'app/v1'), []);
  return out.filter((p) => p !== '/v1/openapi.json').sort();
}

export type DocumentedOperation = {
  method: string;
  path: string;
  operation: {
    parameters?: {
      name: string;
      in: string;
      required?: boolean;
      schema?: Record<string, unknown>;
    }[];
    security?: unknown[];
  };
};

export async function openApiDocument(): Promise<any> {
  const res = await call('GET', '/v1/openapi.json');
  if (res.status !== 200) throw new Error(`openapi.json: ${res.status}`);
  return res.body;
}

export function documentedOperations(document: any): DocumentedOperation[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(
    ([template, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path: template,
        operation,
      })),
  );
}

/** `Allow` of a path offering `methods`, as lib/server/http/methods.ts writes it. */
export function allowOf(methods: string[]): string {
  const all = new Set([...methods, 'OPTIONS']);
  if (all.has('GET')) all.add('HEAD');
  return [...all].sort().join(', ');
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * One request written on its own socket, for methods fetch refuses to send (TRACE, CONNECT) and
 * request targets it would normalise.
 */
export async function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const url = new URL(await baseUrl());
  const lines = [
    `${method} ${target} HTTP/1.1`,
    `host: ${url.host}`,
    'connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () =>
      socket.write(`${lines.join('\r\n')}\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`${method} ${target}: no answer`)));
  });
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const parsed: Record<string, string> = {};
  for (const line of headerLines) {
    const at = line.indexOf(':');
    const name = line.slice(0, at).trim().toLowerCase();
    const value = line.slice(at + 1).trim();
    parsed[name] = parsed[name] ? `${parsed[name]}, ${value}` : value;
  }
  let body = rest.join('\r\n\r\n');
  if (parsed['transfer-encoding'] === 'chunked') body = dechunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers: parsed, body };
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const at = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, at), 16);
    if (!size) return out;
    out += rest.slice(at + 2, at + 2 + size);
    rest = rest.slice(at + 2 + size + 2);
  }
}
