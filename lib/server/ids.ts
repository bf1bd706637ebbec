import 'server-only';
import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Random bytes for ids and tokens come from a pool refilled 4 KiB at a time, as
 * crypto.randomUUID does, instead of one call into the CSPRNG per id: every request makes a few.
 * Each byte is handed out once.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `size` fresh random bytes: a view into the pool, the caller's to change. */
function takeRandom(size: number): Buffer {
  if (size > pool.length) return randomBytes(size);
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += size;
  return pool.subarray(used - size, used);
}

/** UUIDv7: time-ordered, so lists can page by id. */
export function newId(): string {
  const bytes = takeRandom(16);
  const ms = Date.now();
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An unguessable token with `bits` random bits, base64url. */
export function newToken(bits = 256): string {
  return takeRandom(bits / 8).toString('base64url');
}

export function newEventId(): string {
  return `evt_${takeRandom(16).toString('hex')}`;
}

/**
 * The local part of a conversation's reply address (`reply+<token>@…`): 128 random bits in
 * lowercase hex, since mail systems may change the case of an address.
 */
export function newReplyToken(): string {
  return takeRandom(16).toString('hex');
}
