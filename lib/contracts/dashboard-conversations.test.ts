import { describe, expect, it } from 'vitest';
import { conversationListQuerySchema, readSearchTerm } from './dashboard-conversations';

describe('readSearchTerm', () => {
  it('reads an email from its @, lower-cased', () => {
    expect(readSearchTerm('  Ana.Lopez@Example.COM ')).toEqual({
      kind: 'email',
      value: 'ana.lopez@example.com',
    });
  });

  it('reads a phone number typed any way, keeping its digits', () => {
    expect(readSearchTerm('+1 (415) 555-0134')).toEqual({
      kind: 'phone',
      digits: '14155550134',
      raw: '+1 (415) 555-0134',
    });
    expect(readSearchTerm('0134')).toMatchObject({ kind: 'phone', digits: '0134' });
  });

  it('reads anything else as a name (or an external id), spaces collapsed', () => {
    expect(readSearchTerm('Ana   Lopez')).toEqual({
      kind: 'name',
      value: 'ana lopez',
      raw: 'Ana   Lopez',
    });
    expect(readSearchTerm('ats-123')).toMatchObject({ kind: 'name', raw: 'ats-123' });
    // Too few digits to be a phone number.
    expect(readSearchTerm('42')).toMatchObject({ kind: 'name' });
  });

  it('reads nothing from an empty box', () => {
    expect(readSearchTerm('   ')).toBeNull();
    expect(readSearchTerm(undefined)).toBeNull();
  });
});

describe('conversationListQuerySchema', () => {
  it('drops values that are not choices instead of failing the page', () => {
    expect(
      conversationListQuerySchema.parse({
        status: 'NOPE',
        schedulingStatus: 'SCHEDULED',
        campaignId: 'not-a-uuid',
        needsReview: 'yes',
        q: '  ',
      }),
    ).toEqual({
      status: undefined,
      schedulingStatus: 'SCHEDULED',
      campaignId: undefined,
      needsReview: false,
      q: undefined,
      after: undefined,
      before: undefined,
    });
    expect(conversationListQuerySchema.parse({ needsReview: '1' }).needsReview).toBe(true);
  });
});
