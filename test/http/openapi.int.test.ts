import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { newOrganization } from '../support/factories';

describe('GET /v1/openapi.json', () => {
  it('serves a valid OpenAPI 3.1 document without authentication', async () => {
    const res = await call('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(res.body));
    expect(result.valid, JSON.stringify((result as { errors?: unknown }).errors ?? null)).toBe(
      true,
    );
  });

  it('documents every public endpoint with the schemas that validate requests', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    const operations = Object.entries(
      body.paths as Record<string, Record<string, unknown>>,
    ).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    for (const expected of [
      'POST /v1/conversations',
      'POST /v1/scheduling/conversations',
      'GET /v1/conversations',
      'GET /v1/conversations/{id}',
      'POST /v1/conversations/{id}/close',
      'POST /v1/campaigns',
      'GET /v1/campaigns',
      'GET /v1/campaigns/{id}',
      'PATCH /v1/campaigns/{id}',
      'DELETE /v1/campaigns/{id}',
      'POST /v1/meeting-templates',
      'GET /v1/meeting-templates',
      'GET /v1/meeting-templates/{id}',
      'PATCH /v1/meeting-templates/{id}',
      'DELETE /v1/meeting-templates/{id}',
    ]) {
      expect(operations).toContain(expected);
    }
    const create =
      body.paths['/v1/scheduling/conversations'].post.requestBody.content['application/json']
        .schema;
    const resolved = create.$ref ? body.components.schemas[create.$ref.split('/').pop()] : create;
    expect(resolved.required).toEqual(
      expect.arrayContaining(['firstName', 'meetingParticipants', 'meetingConfiguration']),
    );
    // One of the two names the campaign (DESIGN §3: externalCampaignId may stand for campaignId).
    expect(Object.keys(resolved.properties)).toEqual(
      expect.arrayContaining(['campaignId', 'externalCampaignId', 'countryCode']),
    );
    const configuration = resolved.properties.meetingConfiguration;
    expect(configuration.required).toEqual(
      expect.arrayContaining(['title', 'duration', 'timezone', 'videoConferencing', 'openHours']),
    );
    expect(configuration.properties.duration).toMatchObject({ minimum: 1, maximum: 1440 });
    expect(body.components.securitySchemes.apiKey).toMatchObject({
      in: 'header',
      name: 'x-api-key',
    });
  });

  it('says what the server enforces: parameter patterns, required headers, companion fields, limits', async () => {
    const { body } = await call('GET', '/v1/openapi.json');
    const getCampaign = body.paths['/v1/campaigns/{id}'].get;
    const parameter = (op: any, name: string) =>
      op.parameters.find((p: { name: string }) => p.name === name);
    expect(parameter(getCampaign, 'id').schema).toMatchObject({ format: 'uuid' });
    expect(parameter(getCampaign, 'x-api-key')).toMatchObject({ in: 'header', required: true });
    expect(parameter(getCampaign, 'x-organization-id').schema).toMatchObject({ format: 'uuid' });
    const slots = body.paths['/v1/booking/{token}/slots'].get;
    expect(new RegExp(parameter(slots, 'token').schema.pattern).test('short')).toBe(false);
    expect(parameter(slots, 'x-api-key')).toBeUndefined();
    expect(parameter(body.paths['/v1/campaigns'].get, 'limit').schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
    });
    const create = body.components.schemas.CreateCampaign;
    const custom = create.oneOf.find(
      (branch: any) => branch.properties.closingMethod.const === 'CUSTOM',
    );
    expect(custom.required).toEqual(['closingMethod', 'customMessage']);
    expect(create.oneOf).toHaveLength(4);
    const limited = body.paths['/v1/campaigns'].post.responses['429'];
    expect(Object.keys(limited.headers)).toEqual(
      expect.arrayContaining([
        'retry-after',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
      ]),
    );
    expect(Object.keys(body.paths['/v1/campaigns'].get.responses['200'].headers)).toContain(
      'x-ratelimit-remaining',
    );
  });

  it('documents the closing method rules the server applies (oneOf matches the server)', async () => {
    const api = await newOrganization();
    // The branch the document requires is what the server requires: a CUSTOM campaign without
    // its message is refused at customMessage, with it accepted.
    const refused = await api.post('/v1/campaigns', {
      campaignTitle: 'T',
      channel: 'SMS',
      closingMethod: 'CUSTOM',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('customMessage');
    const accepted = await api.post('/v1/campaigns', {
      campaignTitle: 'T',
      channel: 'SMS',
      closingMethod: 'CUSTOM',
      customMessage: 'Thanks!',
    });
    expect(accepted.status).toBe(201);
  });
});
