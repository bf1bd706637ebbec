import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { call } from '../support/api';

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
      expect.arrayContaining([
        'campaignId',
        'firstName',
        'meetingParticipants',
        'meetingConfiguration',
      ]),
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
});
