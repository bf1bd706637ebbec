import { describe, expect, it } from 'vitest';
import { apiKeyStatus, createApiKeyFormSchema } from './dashboard-developers';

const NOW = Date.parse('2026-03-04T14:30:00.000Z');

describe('apiKeyStatus', () => {
  it('is ACTIVE without expiry or revocation, and before its expiry', () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: null }, NOW)).toBe('ACTIVE');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-03-04T14:30:00.001Z' }, NOW)).toBe(
      'ACTIVE',
    );
  });

  it('is EXPIRED from the expiry instant on, as the API refuses it', () => {
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-03-04T14:30:00.000Z' }, NOW)).toBe(
      'EXPIRED',
    );
  });

  it('is REVOKED once revoked, whatever the expiry', () => {
    expect(
      apiKeyStatus(
        { revokedAt: '2026-03-01T00:00:00.000Z', expiresAt: '2026-03-01T00:00:00.000Z' },
        NOW,
      ),
    ).toBe('REVOKED');
  });
});

describe('createApiKeyFormSchema', () => {
  it('reads the lifetime in days, or none', () => {
    expect(createApiKeyFormSchema.parse({ name: ' ATS ', expiresInDays: '30' })).toEqual({
      name: 'ATS',
      expiresInDays: 30,
    });
    expect(createApiKeyFormSchema.parse({ name: 'ATS', expiresInDays: null }).expiresInDays).toBe(
      null,
    );
  });

  it('refuses an empty name and a lifetime that is not a whole number of days', () => {
    expect(createApiKeyFormSchema.safeParse({ name: '  ', expiresInDays: null }).success).toBe(
      false,
    );
    expect(createApiKeyFormSchema.safeParse({ name: 'ATS', expiresInDays: '0' }).success).toBe(
      false,
    );
    expect(createApiKeyFormSchema.safeParse({ name: 'ATS', expiresInDays: 'soon' }).success).toBe(
      false,
    );
  });
});
