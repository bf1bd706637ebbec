import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptWith, encryptWith, isEncrypted, keyIdOf, keyringOf } from './secrets';

const oldKey = Buffer.alloc(32, 11);
const newKey = Buffer.alloc(32, 22);

describe('secrets at rest', () => {
  it('round-trips text, with a fresh IV every time', () => {
    const ring = keyringOf(newKey);
    const plain = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw — ünïcødé ✓';
    const a = encryptWith(ring, plain);
    const b = encryptWith(ring, plain);
    expect(a).not.toBe(b);
    expect(a).not.toContain('whsec_');
    expect(isEncrypted(a)).toBe(true);
    expect(decryptWith(ring, a)).toBe(plain);
    expect(decryptWith(ring, b)).toBe(plain);
  });

  it('names the key in every ciphertext and reads old ones after a rotation', () => {
    const before = encryptWith(keyringOf(oldKey), 'refresh-token-1');
    expect(before.split(':')[2]).toBe(keyIdOf(oldKey));
    const rotated = keyringOf(newKey, [oldKey]);
    expect(decryptWith(rotated, before)).toBe('refresh-token-1');
    const after = encryptWith(rotated, 'refresh-token-2');
    expect(after.split(':')[2]).toBe(keyIdOf(newKey));
    expect(decryptWith(keyringOf(newKey), after)).toBe('refresh-token-2');
  });

  it('refuses a value whose key is not configured, naming the settings', () => {
    const stored = encryptWith(keyringOf(oldKey), 'x');
    expect(() => decryptWith(keyringOf(newKey), stored)).toThrow(/PARLEY_ENCRYPTION_KEY/);
  });

  it('detects tampering (GCM authentication)', () => {
    const ring = keyringOf(newKey);
    const stored = encryptWith(ring, 'a secret value');
    const parts = stored.split(':');
    const body = Buffer.from(parts[5]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[5] = body.toString('base64url');
    expect(() => decryptWith(ring, parts.join(':'))).toThrow();
  });

  it('gives different keys different ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => keyIdOf(randomBytes(32))));
    expect(ids.size).toBe(50);
  });
});
