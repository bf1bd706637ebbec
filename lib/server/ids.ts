import 'server-only';
import { randomBytes } from 'node:crypto';

/** UUIDv7: time-ordered, so lists can page by id. */
export function newId(): string {
  const bytes = randomBytes(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An unguessable token with `bits` random bits, base64url. */
export function newToken(bits = 256): string {
  return randomBytes(bits / 8).toString('base64url');
}

export function newEventId(): string {
  return `evt_${randomBytes(16).toString('hex')}`;
}
