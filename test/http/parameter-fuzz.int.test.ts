import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, type ApiResponse, type Client } from '../support/api';
import {
  dateInDays,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
} from '../support/factories';
import { documentedOperations, openApiDocument, type DocumentedOperation } from '../support/routes';

/**
 * No 500 for any query or path parameter (DESIGN §2), on every operation of the OpenAPI document
 * (routes added later are covered): hand-picked values that broke servers before (dates far
 * away, one bound defaulted onto the wrong side of the other, ranges beyond the booking horizon,
 * empty values, huge numbers, odd encodings), then random ones.
 */
const RANDOM_ID = '0190a2b4-1c3d-7e5f-8a9b-0c1d2e3f4a5b';

/** Written into URLs as they are (already encoded, or deliberately not). */
const evilPathValues = [
  '',
  '%20',
  '%00',
  '%FF',
  '%C0%AF',
  '%E2%80%AE',
  '%F0%9F%98%80',
  '%2F',
  '%252F',
  '%5C',
  '-1',
  '0',
  '1e308',
  '99999999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  RANDOM_ID.toUpperCase(),
  `${RANDOM_ID}%20`,
  `${RANDOM_ID}x`,
  '__proto__',
  'constructor',
  "'%3B%20drop%20table%20conversations%3B--",
  '{id}',
  'x'.repeat(4000),
  'A'.repeat(16),
  'A'.repeat(129),
];

function evilQueryValues(): string[] {
  const today = dateInDays(0);
  return [
    '',
    '%20',
    '%00',
    '%FF',
    '%E2%80%AE',
    '-1',
    '0',
    '1.5',
    '0x10',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '99999999999999999999999999',
    'true',
    '[]',
    '%7B%7D',
    'x'.repeat(3000),
    '0000-00-00',
    '0000-01-01',
    '0001-01-01',
    '1969-12-31',
    '9999-12-31',
    '2026-02-30',
    '2026-13-01',
    '+275760-09-13',
    today,
    dateInDays(-400),
    dateInDays(400),
    dateInDays(29),
    dateInDays(31),
    'UTC',
    'Etc/Unknown',
    'america/new_york',
    'Pacific/Kiritimati',
    'Etc/GMT%2B12',
    'EST5EDT',
    '..%2F..%2Fetc%2Fpasswd',
    'CREATED',
    'LIVE',
    RANDOM_ID,
  ];
}

/** Pairs of slot bounds, one of them defaulted or both beyond what can be offered. */
function slotRanges(): string[] {
  const d = dateInDays;
  return [
    `from=${d(400)}`,
    `from=9999-12-31`,
    `from=0001-01-01`,
    `to=${d(-1)}`,
    `to=0001-01-01`,
    `to=9999-12-31`,
    `to=${d(300)}`,
    `from=${d(-100)}`,
    `from=${d(-30)}&to=${d(1)}`,
    `from=${d(25)}&to=${d(80)}`,
    `from=${d(200)}&to=${d(210)}`,
    `from=${d(5)}&to=${d(4)}`,
    `from=${d(0)}&to=${d(62)}`,
    `from=${d(0)}&to=${d(63)}`,
    `from=9999-11-01&to=9999-12-31`,
    `from=0001-01-01&to=0001-02-01`,
    `from=${d(1)}&from=${d(2)}`,
    `to=${d(1)}&timezone=Pacific/Kiritimati`,
    `from=${d(29)}&timezone=Pacific/Pago_Pago`,
    `from=${d(30)}&timezone=Pacific/Kiritimati`,
  ];
}

function expectNoServerError(res: ApiResponse, what: string): void {
  expect(
    res.status,
    `${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
  ).toBeLessThan(500);
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  if (res.status >= 400 && res.status !== 431 && res.status !== 414) {
    expect(isJson, `${what}: JSON error body`).toBe(true);
    expect(typeof res.body.error.code, what).toBe('string');
  }
}

describe('every query and path parameter of every documented operation', () => {
  let api: Client;
  let operations: DocumentedOperation[];
  /** Path parameters of real records, by the path they appear in (ids of other paths: random). */
  const real: Record<string, string> = {};

  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'token') return real.token!;
      const collection = template.split('/')[2]!;
      return real[collection] ?? RANDOM_ID;
    });
  const send = (op: DocumentedOperation, path: string) =>
    call(op.method, path, {
      auth: op.operation.security === undefined ? api.auth : null,
      body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {},
    });

  beforeAll(async () => {
    api = await newOrganization();
    operations = documentedOperations(await openApiDocument());
    const campaignId = await newCampaign(api);
    real.campaigns = campaignId;
    const template = await api.post('/v1/meeting-templates', {
      name: 'Fuzz template',
      meetingParticipants: [interviewer()],
      meetingConfiguration: meetingConfiguration(),
    });
    real['meeting-templates'] = template.body.id;
    const conversation = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    expect(conversation.status).toBe(201);
    real.conversations = conversation.body.id;
    real.token = tokenOf(conversation.body);
    const slots = await call('GET', `/v1/booking/${real.token}/slots`);
    const booked = await call('POST', `/v1/booking/${real.token}`, {
      body: { start: slots.body.slots[0].start },
    });
    expect(booked.status).toBe(201);
    real.meetings = booked.body.meeting.id;
    const webhook = await api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/hooks' });
    real.webhooks = webhook.body.id;
  });

  it('answers every odd path parameter of every operation without a 5xx', async () => {
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      for (const value of evilPathValues) {
        const path = op.path.replace(/\{(\w+)\}/g, value);
        expectNoServerError(await send(op, path), `${op.method} ${path.slice(0, 120)}`);
      }
    }
  }, 180_000);

  it('answers every odd value of every query parameter without a 5xx', async () => {
    const values = evilQueryValues();
    const names = new Set<string>();
    for (const op of operations) {
      const query = (op.operation.parameters ?? []).filter((p) => p.in === 'query');
      for (const parameter of query) {
        names.add(parameter.name);
        for (const value of values) {
          const path = `${fill(op.path)}?${parameter.name}=${value}`;
          expectNoServerError(await send(op, path), `${op.method} ${path.slice(0, 160)}`);
        }
      }
    }
    // The document has query parameters to try (lists and slots at least).
    expect([...names]).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'from', 'to', 'timezone']),
    );
  }, 180_000);

  it('answers slot ranges beyond the horizon, reversed or half-defaulted with a 2xx or a 400', async () => {
    for (const range of slotRanges()) {
      const res = await call('GET', `/v1/booking/${real.token}/slots?${range}`);
      expectNoServerError(res, range);
      expect([200, 400], range).toContain(res.status);
      if (res.status === 200) {
        expect(res.body.from <= res.body.to, `${range}: from ≤ to`).toBe(true);
        expect(Array.isArray(res.body.slots)).toBe(true);
      }
    }
    // Far outside the booking window nothing is offered, without a search through the years.
    const far = await call('GET', `/v1/booking/${real.token}/slots?from=9999-11-01&to=9999-12-31`);
    expect(far.status).toBe(200);
    expect(far.body.slots).toEqual([]);
  }, 180_000);

  it('answers random query strings on every operation without a 5xx', async () => {
    for (const op of operations.filter((o) => o.method === 'GET')) {
      const documented = (op.operation.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(...documented, '__proto__', 'limit[]', 'x'),
            fc.oneof(
              fc.string({ unit: 'binary', maxLength: 40 }),
              fc.constantFrom(...evilQueryValues()),
            ),
            { maxKeys: 4 },
          ),
          async (query) => {
            const path = `${fill(op.path)}?${new URLSearchParams(query).toString()}`;
            expectNoServerError(await send(op, path), `${op.method} ${path.slice(0, 200)}`);
          },
        ),
        { numRuns: 25 },
      );
    }
  }, 180_000);
});
