import { describe, expect, it } from 'vitest';
import { offered } from './test-helpers';

const everyDay = [0, 1, 2, 3, 4, 5, 6];
const allDay = [{ days: everyDay, start: '00:00', end: '24:00' }];
const hourly = { openHours: allDay, duration: 60, slotInterval: 60 };

describe('America/New_York', () => {
  const zone = { timezone: 'America/New_York' };
  // Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT at 07:00Z.
  const springDay = { from: '2026-03-08T05:00:00Z', to: '2026-03-09T04:00:00Z' };

  it('spring forward: the day has 23 hourly starts and 02:00 does not exist', () => {
    const starts = offered({ ...springDay, rules: { ...zone, ...hourly } });
    expect(starts).toHaveLength(23);
    expect(starts.slice(0, 4)).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
    ]);
    expect(starts.at(-1)).toBe('2026-03-09T03:00:00.000Z');
  });

  it('spring forward: a window across the gap has its real length (01:00–03:00 is one hour)', () => {
    const rules = { ...zone, openHours: [{ days: [0], start: '01:00', end: '03:00' }] };
    expect(offered({ ...springDay, rules })).toEqual([
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T06:30:00.000Z',
    ]);
  });

  it('spring forward: a window starting in the gap starts when the clock jumps', () => {
    const rules = {
      ...zone,
      openHours: [{ days: [0], start: '02:30', end: '04:00' }],
      duration: 60,
    };
    expect(offered({ ...springDay, rules })).toEqual(['2026-03-08T07:00:00.000Z']);
    const inGap = {
      ...zone,
      openHours: [{ days: [0], start: '02:00', end: '02:50' }],
      duration: 5,
    };
    expect(offered({ ...springDay, rules: inGap })).toEqual([]);
  });

  it('spring forward: the grid follows the wall clock, so starts can be closer in real time', () => {
    const rules = { ...zone, openHours: allDay, duration: 30, slotInterval: 90 };
    // 01:30 EST and 03:00 EDT are both multiples of 90 minutes, 30 real minutes apart.
    expect(offered({ ...springDay, rules }).slice(0, 4)).toEqual([
      '2026-03-08T05:00:00.000Z',
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T08:30:00.000Z',
    ]);
  });

  // Sunday 1 November 2026: 02:00 EDT falls back to 01:00 EST at 06:00Z.
  const fallDay = { from: '2026-11-01T04:00:00Z', to: '2026-11-02T05:00:00Z' };

  it('fall back: the day has 25 hourly starts and 01:00 is offered twice', () => {
    const starts = offered({ ...fallDay, rules: { ...zone, ...hourly } });
    expect(starts).toHaveLength(25);
    expect(starts.slice(0, 4)).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('fall back: a window covers the whole repeated hour (00:00–03:00 is four hours)', () => {
    const rules = { ...zone, openHours: [{ days: [0], start: '00:00', end: '03:00' }] };
    expect(offered({ ...fallDay, rules })).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T04:30:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T06:30:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T07:30:00.000Z',
    ]);
  });

  it('fall back: a repeated start takes its first occurrence, a repeated end its second', () => {
    const until = { ...zone, openHours: [{ days: [0], start: '00:00', end: '01:30' }] };
    expect(offered({ ...fallDay, rules: until }).at(-1)).toBe('2026-11-01T06:00:00.000Z');
    const from = { ...zone, openHours: [{ days: [0], start: '01:30', end: '03:00' }] };
    expect(offered({ ...fallDay, rules: from })[0]).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('Europe/London', () => {
  const rules = {
    timezone: 'Europe/London',
    openHours: [{ days: [0], start: '00:00', end: '03:00' }],
    duration: 60,
    slotInterval: 60,
  };

  it('spring forward (29 March 2026): 01:00 GMT is 02:00 BST; 00:00–03:00 is two hours', () => {
    expect(offered({ from: '2026-03-29T00:00:00Z', to: '2026-03-30T00:00:00Z', rules })).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
  });

  it('fall back (25 October 2026): 01:00 happens in BST and in GMT; four hours', () => {
    expect(offered({ from: '2026-10-24T22:00:00Z', to: '2026-10-26T00:00:00Z', rules })).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
    ]);
  });
});

describe('Australia/Sydney (southern hemisphere)', () => {
  const rules = { timezone: 'Australia/Sydney', ...hourly };

  it('springs forward on Sunday 4 October 2026: 23 hourly starts', () => {
    const starts = offered({ from: '2026-10-03T14:00:00Z', to: '2026-10-04T13:00:00Z', rules });
    expect(starts).toHaveLength(23);
    expect(starts.slice(1, 3)).toEqual(['2026-10-03T15:00:00.000Z', '2026-10-03T16:00:00.000Z']);
    expect(starts.at(-1)).toBe('2026-10-04T12:00:00.000Z');
  });

  it('falls back on Sunday 5 April 2026: 25 hourly starts, 02:00 twice', () => {
    const starts = offered({ from: '2026-04-04T13:00:00Z', to: '2026-04-05T14:00:00Z', rules });
    expect(starts).toHaveLength(25);
    expect(starts.slice(2, 4)).toEqual(['2026-04-04T15:00:00.000Z', '2026-04-04T16:00:00.000Z']);
    expect(starts.at(-1)).toBe('2026-04-05T13:00:00.000Z');
  });
});

describe('fractional offsets and half-hour DST', () => {
  it('Asia/Kathmandu (UTC+05:45) puts the grid on local quarter hours', () => {
    const rules = {
      timezone: 'Asia/Kathmandu',
      openHours: [{ days: [1], start: '09:00', end: '11:00' }],
      duration: 60,
    };
    expect(offered({ from: '2026-01-11T12:00:00Z', to: '2026-01-12T12:00:00Z', rules })).toEqual([
      '2026-01-12T03:15:00.000Z',
      '2026-01-12T03:45:00.000Z',
      '2026-01-12T04:15:00.000Z',
    ]);
  });

  const lordHowe = {
    timezone: 'Australia/Lord_Howe',
    openHours: [{ days: [0], start: '01:00', end: '04:00' }],
  };

  it('Australia/Lord_Howe springs forward by 30 minutes: 02:00–02:29 do not exist', () => {
    // 4 October 2026 02:00 (+10:30) becomes 02:30 (+11:00) at 15:30Z.
    expect(
      offered({ from: '2026-10-03T12:00:00Z', to: '2026-10-04T12:00:00Z', rules: lordHowe }),
    ).toEqual([
      '2026-10-03T14:30:00.000Z',
      '2026-10-03T15:00:00.000Z',
      '2026-10-03T15:30:00.000Z',
      '2026-10-03T16:00:00.000Z',
      '2026-10-03T16:30:00.000Z',
    ]);
  });

  it('Australia/Lord_Howe falls back by 30 minutes: 01:30 is offered twice', () => {
    // 5 April 2026 02:00 (+11:00) becomes 01:30 (+10:30) at 15:00Z.
    const rules = { ...lordHowe, openHours: [{ days: [0], start: '01:00', end: '03:00' }] };
    expect(offered({ from: '2026-04-04T12:00:00Z', to: '2026-04-05T12:00:00Z', rules })).toEqual([
      '2026-04-04T14:00:00.000Z',
      '2026-04-04T14:30:00.000Z',
      '2026-04-04T15:00:00.000Z',
      '2026-04-04T15:30:00.000Z',
      '2026-04-04T16:00:00.000Z',
    ]);
  });
});

describe('the date line and DST at midnight', () => {
  it('Pacific/Apia: Monday 09:00 local is Sunday 20:00 UTC', () => {
    const rules = {
      timezone: 'Pacific/Apia',
      openHours: [{ days: [1], start: '09:00', end: '10:00' }],
      duration: 60,
    };
    expect(offered({ from: '2026-01-11T00:00:00Z', to: '2026-01-13T00:00:00Z', rules })).toEqual([
      '2026-01-11T20:00:00.000Z',
    ]);
  });

  it('Pacific/Apia skipped 30 December 2011: no window that day', () => {
    const rules = {
      timezone: 'Pacific/Apia',
      openHours: [{ days: everyDay, start: '09:00', end: '11:00' }],
      duration: 120,
      slotInterval: 60,
    };
    // 29 Dec at UTC−10, then 31 Dec at UTC+14.
    expect(offered({ from: '2011-12-29T00:00:00Z', to: '2011-12-31T12:00:00Z', rules })).toEqual([
      '2011-12-29T19:00:00.000Z',
      '2011-12-30T19:00:00.000Z',
    ]);
  });

  it('America/Santiago springs forward at midnight: Sunday starts at 01:00', () => {
    // 6 September 2026: 00:00 (−04) jumps to 01:00 (−03) at 04:00Z.
    const rules = {
      timezone: 'America/Santiago',
      openHours: [{ days: [0], start: '00:00', end: '02:00' }],
    };
    expect(offered({ from: '2026-09-05T00:00:00Z', to: '2026-09-07T00:00:00Z', rules })).toEqual([
      '2026-09-06T04:00:00.000Z',
      '2026-09-06T04:30:00.000Z',
    ]);
  });

  it('America/Santiago falls back at midnight: Saturday 23:00–24:00 happens twice', () => {
    // 5 April 2026 00:00 (−03) becomes Saturday 23:00 (−04) at 03:00Z.
    const rules = {
      timezone: 'America/Santiago',
      openHours: [{ days: [6], start: '22:00', end: '24:00' }],
    };
    expect(offered({ from: '2026-04-04T12:00:00Z', to: '2026-04-06T00:00:00Z', rules })).toEqual([
      '2026-04-05T01:00:00.000Z',
      '2026-04-05T01:30:00.000Z',
      '2026-04-05T02:00:00.000Z',
      '2026-04-05T02:30:00.000Z',
      '2026-04-05T03:00:00.000Z',
      '2026-04-05T03:30:00.000Z',
    ]);
  });

  it('America/Havana repeats 00:00–01:00: a "24:00" end covers it, a 00:00 start begins at its first pass', () => {
    // 1 November 2026: 01:00 (−04) falls back to 00:00 (−05) at 05:00Z.
    const rules = {
      timezone: 'America/Havana',
      openHours: [
        { days: [6], start: '23:00', end: '24:00' },
        { days: [0], start: '00:00', end: '01:00' },
      ],
      duration: 60,
      slotInterval: 60,
    };
    expect(offered({ from: '2026-10-31T12:00:00Z', to: '2026-11-02T00:00:00Z', rules })).toEqual([
      '2026-11-01T03:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
    ]);
  });
});
