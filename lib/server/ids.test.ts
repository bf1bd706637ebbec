import { describe, expect, it } from 'vitest';
import { newEventId, newId, newToken } from './ids';

describe('ids from the random pool', () => {
  it('are UUIDv7s, tokens and event ids, all different across pool refills', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    const tokens = Array.from({ length: 300 }, () => newToken());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newEventId()).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(newToken(8 * 8192)).toHaveLength(10923);
  });

  it('start with the creation time in milliseconds', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
