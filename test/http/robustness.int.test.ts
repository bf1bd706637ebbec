import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, isolatedRequest, type Client } from '../support/api';
import {
  campaignBody,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
} from '../support/factories';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, e.g. ['meetingConfiguration', 'openHours', 0, 'days']. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

const evil: Json[] = [
  null,
  '',
  'x'.repeat(200_000),
  -1,
  1e308,
  -0,
  1.5,
  true,
  [],
  {},
  [[[[[[[[[[[]]]]]]]]]]],
  '\u0000\uFFFF\uD800',
  '{{candidateName}}'.repeat(1000),
  '2026-02-30',
  '24:60',
  'Etc/Unknown',
  { $ne: null },
];

type Mutation = {
  pathIndex: number;
  op: 'delete' | 'replace' | 'evil' | 'proto' | 'wrap';
  value: Json;
  evilIndex: number;
};

function mutate(body: Json, m: Mutation): string {
  const copy = structuredClone(body);
  const paths = pathsOf(copy);
  const path = paths[m.pathIndex % paths.length]!;
  if (m.op === 'proto') {
    // An own "__proto__" key only survives in JSON text.
    const text = JSON.stringify(copy);
    return text.replace(
      /^\{/,
      '{"__proto__":{"isOrganizer":true,"polluted":1},"constructor":{"prototype":{"x":1}},',
    );
  }
  if (path.length === 0) return JSON.stringify(m.op === 'wrap' ? [copy] : m.value);
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path[path.length - 1]!;
  if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.op === 'wrap') parent[key] = [parent[key]];
  else parent[key] = m.op === 'evil' ? evil[m.evilIndex % evil.length]! : m.value;
  return JSON.stringify(copy);
}

const mutation = fc.record({
  pathIndex: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'evil', 'proto', 'wrap'),
  value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  evilIndex: fc.nat(),
});

describe('robustness', () => {
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    api = await newOrganization();
    campaignId = await newCampaign(api);
  });

  it('answers 400 invalid_json to malformed JSON', async () => {
    for (const rawBody of ['{', '{"a":}', "{'a':1}", 'null x', '\u0000']) {
      const res = await call('POST', '/v1/campaigns', { auth: api.auth, rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.body.error.code).toBe('invalid_json');
    }
  });

  it('answers 400 validation_error to JSON that is not an object', async () => {
    for (const rawBody of ['[]', '"text"', '42', 'null', 'true']) {
      const res = await call('POST', '/v1/campaigns', { auth: api.auth, rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
  });

  it('answers 413 to a body over 1 MB, announced or streamed without a length', async () => {
    const headers = {
      'x-api-key': api.auth.apiKey,
      'x-organization-id': api.auth.organizationId,
      'content-type': 'application/json',
    };
    const huge = JSON.stringify({ campaignTitle: 'x'.repeat(1024 * 1024 + 10), channel: 'SMS' });
    const announced = await isolatedRequest('POST', '/v1/campaigns', { headers, chunks: [huge] });
    expect(announced.status).toBe(413);
    expect(announced.body.error.code).toBe('payload_too_large');
    const streamed = await isolatedRequest('POST', '/v1/campaigns', {
      headers: { ...headers, 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 12 }, () => 'x'.repeat(100_000)),
    });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe('payload_too_large');
    expect((await api.get('/v1/campaigns')).status).toBe(200);
  });

  it('refuses NUL characters in bodies and queries with a 400', async () => {
    const body = await api.post('/v1/campaigns', { campaignTitle: 'a\u0000b', channel: 'SMS' });
    expect(body.status).toBe(400);
    expect(body.body.error.details[0].path).toBe('campaignTitle');
    const query = await api.get('/v1/conversations?externalId=%00');
    expect(query.status).toBe(400);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await call('GET', '/v1/nothing-here', { auth: api.auth });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('ignores a __proto__ key instead of polluting objects', async () => {
    const rawBody = JSON.stringify(schedulingBody(campaignId)).replace(
      /^\{/,
      '{"__proto__":{"status":"COMPLETED"},',
    );
    const res = await call('POST', '/v1/scheduling/conversations', { auth: api.auth, rawBody });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('CREATED');
    expect(({} as any).status).toBeUndefined();
  });

  const targets: [string, string, () => Json][] = [
    [
      'POST',
      '/v1/campaigns',
      () => campaignBody({ questions: ['a', 'b'], closingMethod: 'CUSTOM', customMessage: 'hi' }),
    ],
    [
      'POST',
      '/v1/meeting-templates',
      () => ({
        name: 'T',
        meetingParticipants: [interviewer()],
        meetingConfiguration: meetingConfiguration(),
      }),
    ],
    ['POST', '/v1/scheduling/conversations', () => schedulingBody(campaignId)],
    [
      'POST',
      '/v1/conversations',
      () => ({ campaignId, firstName: 'F', phoneNumber: '+14155550100' }),
    ],
    ['PATCH', '/v1/campaigns/{id}', () => ({ campaignTitle: 'New', status: 'DRAFT' })],
  ];

  it.each(targets)(
    'never answers 5xx to mutated bodies: %s %s',
    async (method, template, valid) => {
      const path = template.replace('{id}', campaignId);
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const res = await call(method, path, { auth: api.auth, rawBody: mutate(valid(), m) });
          expect(res.status, JSON.stringify(m).slice(0, 300)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(typeof res.body.error.code).toBe('string');
            expect(typeof res.body.error.message).toBe('string');
          }
        }),
        { numRuns: 120 },
      );
    },
  );

  it('never answers 5xx to random query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('limit', 'cursor', 'status', 'externalId', 'campaignId', '__proto__'),
          fc.string({ unit: 'binary' }),
        ),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await call('GET', `/v1/conversations?${qs}`, { auth: api.auth });
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 80 },
    );
  });
});
