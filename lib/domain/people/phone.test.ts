import { describe, expect, it } from 'vitest';
import { phoneNumberZone, toE164 } from './phone';

describe('toE164', () => {
  it('keeps E.164 and reads national numbers with their country', () => {
    expect(toE164('+14155550100')).toBe('+14155550100');
    expect(toE164('+1 (415) 555-0100')).toBe('+14155550100');
    expect(toE164('(415) 555-0100', 'us')).toBe('+14155550100');
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('030 123456', 'DE')).toBe('+4930123456');
  });

  it('refuses what it cannot read', () => {
    expect(toE164('(415) 555-0100')).toBeNull();
    expect(toE164('12', 'US')).toBeNull();
    expect(toE164('call me', 'US')).toBeNull();
  });
});

describe('phoneNumberZone', () => {
  it("is the country's zone when it has one, else null", () => {
    expect(phoneNumberZone('+33612345678')).toBe('Europe/Paris');
    expect(phoneNumberZone('+4930123456')).toBe('Europe/Berlin');
    expect(phoneNumberZone('+14155550100')).toBeNull();
  });
});
