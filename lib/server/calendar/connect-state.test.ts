import { describe, expect, it } from 'vitest';
import { newConnectState, verifyConnectState } from './connect-state';

const ORG = '01a2372a-0c78-7b8a-8b65-8aa6e48b5c54';
const INVITE = '01a2372a-300b-7585-b333-1220ddd3ee07';
const AT = new Date('2026-03-04T14:30:00.000Z');

describe('the OAuth state of a calendar connection', () => {
  const issued = newConnectState({
    organizationId: ORG,
    inviteId: INVITE,
    provider: 'GOOGLE',
    now: AT,
  });
  const check = (overrides: Partial<Parameters<typeof verifyConnectState>[0]> = {}) =>
    verifyConnectState({
      state: issued.state,
      cookieNonce: issued.nonce,
      provider: 'GOOGLE',
      now: new Date(AT.getTime() + 60_000),
      ...overrides,
    });

  it('verifies in the browser that started it, for its provider, within 15 minutes', () => {
    expect(check()).toEqual({
      ok: true,
      state: {
        organizationId: ORG,
        inviteId: INVITE,
        provider: 'GOOGLE',
        nonce: issued.nonce,
        expiresAt: AT.getTime() + 15 * 60_000,
      },
    });
  });

  it('refuses another browser, another provider, a changed payload or signature, and garbage', () => {
    expect(check({ cookieNonce: undefined })).toEqual({ ok: false, reason: 'invalid' });
    expect(check({ cookieNonce: `${issued.nonce}x` })).toEqual({ ok: false, reason: 'invalid' });
    expect(check({ provider: 'MICROSOFT' })).toEqual({ ok: false, reason: 'invalid' });
    const [payload, signature] = issued.state.split('.') as [string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
    const other = Buffer.from(JSON.stringify({ ...body, inviteId: ORG })).toString('base64url');
    expect(check({ state: `${other}.${signature}` })).toEqual({ ok: false, reason: 'invalid' });
    expect(check({ state: `${payload}.${signature.slice(1)}A` })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    for (const state of [null, '', 'abc', 'a.b.c', `${payload}.`]) {
      expect(check({ state })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('expires 15 minutes after it was issued', () => {
    expect(check({ now: new Date(AT.getTime() + 15 * 60_000) })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
