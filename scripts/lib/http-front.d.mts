import type http from 'node:http';

export const PEER_ADDRESS_HEADER: string;

/** See http-front.mjs. */
export function attachFront(
  server: http.Server,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): void;
