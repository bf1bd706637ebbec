import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
  /** The status the receiver answered. */
  answered?: number;
};

/**
 * A local webhook receiver. `respond` decides each answer (status, optional delay); by default 200.
 */
export async function startReceiver(
  respond: (n: number, req: Received) => { status: number; delayMs?: number } = () => ({
    status: 200,
  }),
) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry: Received = { headers: req.headers, body, json: safeJson(body), at: Date.now() };
      received.push(entry);
      const { status, delayMs } = respond(received.length, entry);
      entry.answered = status;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status < 300 ? 'ok' : 'nope');
      }, delayMs ?? 0);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
