import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from './signing';

// Fixed key bytes 0x00…0x1f, so the vector does not depend on the code under test.
const keyBytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const secret = `whsec_${keyBytes.toString('base64')}`;
const otherSecret = `whsec_${Buffer.alloc(32, 0xab).toString('base64')}`;
const id = 'evt_0123456789abcdef0123456789abcdef';
const timestamp = 1_772_634_600; // 2026-03-04T14:30:00Z
const body = JSON.stringify({
  event: 'CALENDAR_MEETING_SCHEDULED',
  eventId: id,
  data: { title: 'Entretien — café ☕' },
});

function expectedSignature(key: Buffer, content: string): string {
  return `v1,${createHmac('sha256', key).update(content, 'utf8').digest('base64')}`;
}

describe('generateWebhookSecret', () => {
  it('is whsec_ + base64 of 32 random bytes', () => {
    const generated = generateWebhookSecret();
    expect(generated).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(generated.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(generated);
  });

  it('produces secrets that sign and verify', () => {
    const generated = generateWebhookSecret();
    const headers = webhookHeaders({ secrets: [generated], id, timestamp, body });
    expect(verifyWebhook({ secret: generated, headers, body, now: timestamp })).toBe(true);
  });
});

describe('signWebhook', () => {
  it('matches an HMAC-SHA256 computed independently over "{id}.{timestamp}.{body}"', () => {
    const expected = expectedSignature(keyBytes, `${id}.${timestamp}.${body}`);
    expect(signWebhook({ secret, id, timestamp, body })).toBe(expected);
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the standard-webhooks reference libraries' test suite.
    const signature = signWebhook({
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
    });
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('uses the base64-decoded key, not the text of the secret', () => {
    const content = `${id}.${timestamp}.${body}`;
    const wrong = expectedSignature(Buffer.from(secret, 'utf8'), content);
    expect(signWebhook({ secret, id, timestamp, body })).not.toBe(wrong);
  });

  it('refuses malformed secrets, ids and timestamps', () => {
    const ok = { secret, id, timestamp, body };
    expect(() => signWebhook({ ...ok, secret: keyBytes.toString('base64') })).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, secret: 'whsec_' })).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, secret: 'whsec_not base64!' })).toThrow(TypeError);
    expect(() =>
      signWebhook({ ...ok, secret: `whsec_${Buffer.alloc(16).toString('base64')}` }),
    ).toThrow(TypeError);
    expect(() =>
      signWebhook({ ...ok, secret: `whsec_${Buffer.alloc(65).toString('base64')}` }),
    ).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, id: '' })).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, id: 'evt_1\r\nx-injected: 1' })).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, timestamp: 1.5 })).toThrow(TypeError);
    expect(() => signWebhook({ ...ok, timestamp: -1 })).toThrow(TypeError);
  });

  it('accepts keys from 24 to 64 bytes', () => {
    for (const size of [24, 64]) {
      const key = Buffer.alloc(size, 7);
      const signature = signWebhook({
        secret: `whsec_${key.toString('base64')}`,
        id,
        timestamp,
        body,
      });
      expect(signature).toBe(expectedSignature(key, `${id}.${timestamp}.${body}`));
    }
  });
});

describe('webhookHeaders', () => {
  it('sends id, timestamp, one signature and the content type', () => {
    expect(webhookHeaders({ secrets: [secret], id, timestamp, body })).toEqual({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': expectedSignature(keyBytes, `${id}.${timestamp}.${body}`),
      'content-type': 'application/json',
    });
  });

  it('sends one space-separated signature per secret during a rotation', () => {
    const headers = webhookHeaders({ secrets: [secret, otherSecret], id, timestamp, body });
    const parts = headers['webhook-signature']!.split(' ');
    expect(parts).toEqual([
      signWebhook({ secret, id, timestamp, body }),
      signWebhook({ secret: otherSecret, id, timestamp, body }),
    ]);
  });

  it('refuses an empty list of secrets', () => {
    expect(() => webhookHeaders({ secrets: [], id, timestamp, body })).toThrow(TypeError);
  });
});

describe('verifyWebhook', () => {
  const headers = webhookHeaders({ secrets: [secret], id, timestamp, body });
  const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({ secret, headers, body, now: timestamp, ...overrides });

  it('accepts a genuine delivery', () => {
    expect(verify()).toBe(true);
  });

  it('reads a Headers object and header names in any case', () => {
    expect(verify({ headers: new Headers(headers) })).toBe(true);
    const upper = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    expect(verify({ headers: upper })).toBe(true);
  });

  it('accepts either secret while both are sent', () => {
    const rotated = webhookHeaders({ secrets: [otherSecret, secret], id, timestamp, body });
    expect(verify({ headers: rotated })).toBe(true);
    expect(verify({ headers: rotated, secret: otherSecret })).toBe(true);
    const third = `whsec_${Buffer.alloc(32, 0x55).toString('base64')}`;
    expect(verify({ headers: rotated, secret: third })).toBe(false);
  });

  it('skips signatures of other versions and garbage entries', () => {
    const good = headers['webhook-signature']!;
    const mixed = `v2,${good.slice(3)} v1a,xyz garbage v1,${'A'.repeat(44)} ${good}`;
    expect(verify({ headers: { ...headers, 'webhook-signature': mixed } })).toBe(true);
  });

  it('rejects a tampered body, id or timestamp', () => {
    expect(verify({ body: body.replace('café', 'cafe') })).toBe(false);
    expect(verify({ body: `${body} ` })).toBe(false);
    expect(verify({ headers: { ...headers, 'webhook-id': `${id}0` } })).toBe(false);
    expect(verify({ headers: { ...headers, 'webhook-timestamp': String(timestamp + 1) } })).toBe(
      false,
    );
  });

  it('rejects a signature made with another secret', () => {
    expect(verify({ secret: otherSecret })).toBe(false);
  });

  it('rejects timestamps outside the tolerance, either way', () => {
    expect(verify({ now: timestamp + 300 })).toBe(true);
    expect(verify({ now: timestamp + 301 })).toBe(false);
    expect(verify({ now: timestamp - 301 })).toBe(false);
    expect(verify({ now: timestamp + 3600, toleranceSeconds: 3600 })).toBe(true);
    expect(verify({ now: timestamp + 3601, toleranceSeconds: 3600 })).toBe(false);
    expect(verify({ now: Number.NaN })).toBe(false);
  });

  it('rejects an old delivery replayed with a fresh timestamp', () => {
    const replay = { ...headers, 'webhook-timestamp': String(timestamp + 3600) };
    expect(verify({ headers: replay, now: timestamp + 3600 })).toBe(false);
  });

  it('rejects malformed or missing headers without throwing', () => {
    const sig = headers['webhook-signature']!;
    const cases: Record<string, string | undefined>[] = [
      {},
      { ...headers, 'webhook-id': undefined },
      { ...headers, 'webhook-timestamp': undefined },
      { ...headers, 'webhook-signature': undefined },
      { ...headers, 'webhook-signature': '' },
      { ...headers, 'webhook-signature': '   ' },
      { ...headers, 'webhook-signature': 'v1,' },
      { ...headers, 'webhook-signature': 'v1' },
      { ...headers, 'webhook-signature': sig.slice(3) },
      { ...headers, 'webhook-signature': 'v1,!!!not-base64!!!' },
      { ...headers, 'webhook-signature': 'v1,AAAA' },
      { ...headers, 'webhook-signature': `${sig}AAAA` },
      { ...headers, 'webhook-signature': sig.slice(0, -4) },
      { ...headers, 'webhook-signature': 'v1,'.repeat(10_000) },
      { ...headers, 'webhook-timestamp': 'soon' },
      { ...headers, 'webhook-timestamp': `${timestamp}.0` },
      { ...headers, 'webhook-timestamp': `-${timestamp}` },
      { ...headers, 'webhook-timestamp': '1e9' },
      { ...headers, 'webhook-timestamp': '' },
      { ...headers, 'webhook-id': '' },
      { ...headers, 'webhook-id': 'has space' },
    ];
    for (const malformed of cases) {
      expect(() => verify({ headers: malformed })).not.toThrow();
      expect(verify({ headers: malformed }), JSON.stringify(malformed).slice(0, 200)).toBe(false);
    }
  });

  it('throws on a malformed secret of its own: that is configuration, not input', () => {
    expect(() => verify({ secret: 'not-a-secret' })).toThrow(TypeError);
  });
});
