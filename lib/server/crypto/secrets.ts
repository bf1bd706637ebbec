import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Encryption at rest of OAuth tokens and webhook signing secrets (DESIGN §10): AES-256-GCM, a fresh
 * 96-bit IV per value, and the id of the key beside every ciphertext, so keys rotate without a
 * migration: new writes use the newest key (`PARLEY_ENCRYPTION_KEY`), values written under an
 * older one (`PARLEY_ENCRYPTION_PREVIOUS_KEYS`) still read.
 *
 * Stored form: `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
export type Keyring = { current: Key; all: Map<string, Key> };
type Key = { id: string; bytes: Buffer };

const PREFIX = 'enc:v1:';

/** A key's id: the first 8 characters of its SHA-256, base64url (names a key, reveals nothing). */
export function keyIdOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 8);
}

/** Outside production only: what it protects is worthless anywhere else. */
const DEVELOPMENT_KEY = createHash('sha256').update('parley-development-only-key').digest();

export function keyringOf(current: Buffer, previous: Buffer[] = []): Keyring {
  const keys = [current, ...previous].map((bytes) => ({ id: keyIdOf(bytes), bytes }));
  return { current: keys[0]!, all: new Map(keys.map((k) => [k.id, k])) };
}

let cached: { source: string; ring: Keyring } | undefined;

function keyring(): Keyring {
  const settings = env();
  const source = [settings.PARLEY_ENCRYPTION_KEY, ...settings.PARLEY_ENCRYPTION_PREVIOUS_KEYS]
    .map((k) => (k ? keyIdOf(k) : '-'))
    .join(',');
  if (cached?.source === source) return cached.ring;
  const current = settings.PARLEY_ENCRYPTION_KEY ?? DEVELOPMENT_KEY;
  // The development key stays readable outside production, so setting a key later loses nothing.
  const previous = [
    ...settings.PARLEY_ENCRYPTION_PREVIOUS_KEYS,
    ...(settings.NODE_ENV === 'production' ? [] : [DEVELOPMENT_KEY]),
  ].filter((k) => !k.equals(current));
  cached = { source, ring: keyringOf(current, previous) };
  return cached.ring;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function encryptWith(ring: Keyring, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.bytes, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return `${PREFIX}${ring.current.id}:${parts.join(':')}`;
}

export function decryptWith(ring: Keyring, stored: string): string {
  if (!isEncrypted(stored)) throw new Error('not an encrypted value');
  const [keyId, iv, tag, body] = stored.slice(PREFIX.length).split(':');
  const key = keyId ? ring.all.get(keyId) : undefined;
  if (!key || iv === undefined || tag === undefined || body === undefined) {
    throw new Error(
      `cannot decrypt: key ${keyId ?? '?'} is not configured (PARLEY_ENCRYPTION_KEY / PARLEY_ENCRYPTION_PREVIOUS_KEYS)`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** Encrypts `plain` with the newest configured key. */
export function encryptSecret(plain: string): string {
  return encryptWith(keyring(), plain);
}

/** Reads a value written by `encryptSecret` under any configured key. */
export function decryptSecret(stored: string): string {
  return decryptWith(keyring(), stored);
}

/**
 * The plain value of a stored secret: decrypted, or as it is when it predates encryption (webhook
 * secrets written before it; `encryptStoredSecrets` rewrites those at boot).
 */
export function revealSecret(stored: string): string {
  return isEncrypted(stored) ? decryptSecret(stored) : stored;
}

/** The id of the key new values are encrypted with. */
export function currentKeyId(): string {
  return keyring().current.id;
}

/** Whether `stored` was written under an older key (a candidate for re-encryption). */
export function isUnderOlderKey(stored: string): boolean {
  return isEncrypted(stored) && !stored.startsWith(`${PREFIX}${keyring().current.id}:`);
}
