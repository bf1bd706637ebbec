import { beforeAll, describe, expect, it } from 'vitest';
import { call, type Client } from '../support/api';
import { newOrganization } from '../support/factories';
import {
  allowOf,
  documentedOperations,
  openApiDocument,
  rawRequest,
  routeTemplates,
  type DocumentedOperation,
} from '../support/routes';

/**
 * DESIGN §2 for every route, driven by the app/v1 tree and the OpenAPI document (so routes added
 * later are covered): the two agree; a method a path does not offer, TRACE and CONNECT included,
 * is a 405 with the JSON error body and `Allow`; credentials are checked before path parameters.
 */
const ID = '0190a2b4-1c3d-7e5f-8a9b-0c1d2e3f4a5b';
const TOKEN = 'NoSuchBookingTokenAtAll_1234567890';
const fill = (template: string) =>
  template.replace(/\{(\w+)\}/g, (_, p) => (p === 'token' ? TOKEN : ID));
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
/** Methods Next.js cannot carry (fetch refuses to send them: written on a socket). */
const RAW_METHODS = ['TRACE', 'CONNECT', 'PROPFIND'];

describe('methods and the order of checks, on every route', () => {
  let api: Client;
  let operations: DocumentedOperation[];
  const methodsOf = (template: string) =>
    operations.filter((o) => o.path === template).map((o) => o.method);

  beforeAll(async () => {
    api = await newOrganization();
    operations = documentedOperations(await openApiDocument());
  });

  it('documents exactly the routes of app/v1, each with the methods the route answers', async () => {
    const documented = [...new Set(operations.map((o) => o.path))].sort();
    expect(documented).toEqual(routeTemplates());
    for (const template of routeTemplates()) {
      const res = await call('OPTIONS', fill(template));
      expect(res.status, template).toBe(204);
      expect(res.headers.get('allow'), template).toBe(allowOf(methodsOf(template)));
    }
  });

  it('answers 405 with the JSON error body and Allow to every other method', async () => {
    for (const template of routeTemplates()) {
      const allow = allowOf(methodsOf(template));
      for (const method of METHODS.filter((m) => !allow.split(', ').includes(m))) {
        const res = await call(method, fill(template), { auth: api.auth });
        expect(res.status, `${method} ${template}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${template}`).toBe(allow);
        if (method === 'HEAD') continue; // no body, by definition
        expect(res.body.error.code).toBe('method_not_allowed');
        expect(typeof res.body.error.message).toBe('string');
      }
      for (const method of RAW_METHODS) {
        const res = await rawRequest(method, fill(template));
        expect(res.status, `${method} ${template}`).toBe(405);
        expect(res.headers.allow, `${method} ${template}`).toBe(allow);
        expect(JSON.parse(res.body).error.code).toBe('method_not_allowed');
      }
    }
  });

  it('refuses TRACE and CONNECT elsewhere too: no 500, no silently closed connection', async () => {
    for (const target of ['/', '/signin', '/book/abc', '/v1/nothing-here']) {
      const res = await rawRequest('TRACE', target);
      expect(res.status, target).toBeLessThan(500);
      expect([404, 405], target).toContain(res.status);
      expect(JSON.parse(res.body).error.code).toMatch(/^(method_not_allowed|not_found)$/);
    }
    const proxying = await rawRequest('CONNECT', 'example.com:443');
    expect(proxying.status).toBe(405);
    expect(JSON.parse(proxying.body).error.message).toContain('not a proxy');
    const garbage = await rawRequest('FOO', '/v1/campaigns');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body).error.code).toBe('validation_error');
  });

  it('checks credentials before path parameters: 401, never 404 or 400, without a key', async () => {
    const authenticated = operations.filter((o) => o.operation.security === undefined);
    expect(authenticated.length).toBeGreaterThan(0);
    for (const { method, path: template } of authenticated) {
      for (const id of ['not-a-uuid', ID, '%00', 'x'.repeat(300)]) {
        const path = template.replace(/\{(\w+)\}/g, id);
        const res = await call(method, path, { body: method === 'GET' ? undefined : {} });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe('unauthorized');
      }
    }
  });

  it('answers unknown booking tokens (the credential of the public routes) with a 404', async () => {
    for (const { method, path: template } of operations.filter(
      (o) => o.operation.security !== undefined && o.path.includes('{token}'),
    )) {
      const res = await call(method, fill(template), {
        body: method === 'GET' ? undefined : { start: '2030-01-01T10:00:00.000Z' },
      });
      expect(res.status, `${method} ${template}`).toBe(404);
    }
  });
});
