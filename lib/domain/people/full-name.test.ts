import { describe, expect, it } from 'vitest';
import { fullName } from './full-name';

describe('fullName', () => {
  it('writes the first name, then the last name when there is one', () => {
    expect(fullName({ firstName: 'Jordan', lastName: 'Kim' })).toBe('Jordan Kim');
    expect(fullName({ firstName: 'Jordan', lastName: null })).toBe('Jordan');
    expect(fullName({ firstName: 'Jordan', lastName: '' })).toBe('Jordan');
    expect(fullName({ firstName: 'Jordan' })).toBe('Jordan');
  });
});
