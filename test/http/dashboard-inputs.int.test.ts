import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { signInMember, type SignedIn } from '../support/dashboard';
import { newOrganization } from '../support/factories';

/**
 * Whatever a member types into the address bar or a script sends to the dashboard's JSON routes,
 * the answer is a page or a clear 4xx, never a 500: ids that are not ids, another shape of id,
 * odd query values, bodies that are not JSON.
 */
const ODD_IDS = [
  'not-an-id',
  '00000000-0000-0000-0000-000000000000',
  '01a2351e-c617-710c-896d-f05ea5131c5', // one digit short
  '%E2%80%8B', // a zero-width space
  `${'9'.repeat(400)}`,
  "1'%20or%20'1'='1",
];

const PAGES_WITH_ID = [
  '/dashboard/conversations/',
  '/dashboard/campaigns/',
  '/dashboard/templates/',
  '/dashboard/developers/webhooks/',
];

const ROUTES_WITH_ID = [
  (id: string) => `/dashboard/conversations/${id}/live`,
  (id: string) => `/dashboard/developers/webhooks/${id}/deliveries`,
  (id: string) => `/dashboard/meetings/${id}/options`,
];

const ODD_QUERIES = [
  '/dashboard/conversations?cursor=%00%FF',
  '/dashboard/conversations?cursor=eyJ0IjoiMjAyNi0xMy00MCIsImlkIjoxfQ',
  '/dashboard/conversations?status=NOPE&schedulingStatus=&campaign=x&review=maybe',
  `/dashboard/conversations?q=${'a'.repeat(5000)}`,
  '/dashboard/conversations?q=%25%5F%5C',
  '/dashboard/conversations?q=%2B%2B%2B&before=1',
  '/dashboard/conversations?status=ONGOING&status=CLOSED',
  '/dashboard/outbox?before=%E0%A4%A',
  '/dashboard/campaigns?cursor=%%%',
  '/dashboard/templates?cursor=zzz',
];

describe('dashboard inputs', () => {
  let owner: SignedIn;

  beforeAll(async () => {
    const api = await newOrganization('Odd Inputs Org');
    owner = await signInMember(api.auth.organizationId, 'OWNER');
  });

  it('answers 404 for a page of a record that is not there, whatever the id looks like', async () => {
    for (const prefix of PAGES_WITH_ID) {
      for (const id of ODD_IDS) {
        const res = await call<string>('GET', `${prefix}${id}`, {
          headers: { cookie: owner.cookie },
        });
        expect(res.status, `${prefix}${id}`).toBe(404);
      }
    }
  });

  it('answers the JSON routes with 404 and the API error body for such ids', async () => {
    for (const route of ROUTES_WITH_ID) {
      for (const id of ODD_IDS) {
        const res = await call<any>('GET', route(id), { headers: { cookie: owner.cookie } });
        expect(res.status, route(id)).toBe(404);
        expect(res.body.error.code, route(id)).toBe('not_found');
      }
    }
  });

  it('shows a page for odd filters, cursors and searches', async () => {
    for (const url of ODD_QUERIES) {
      const res = await call<string>('GET', url, { headers: { cookie: owner.cookie } });
      expect(res.status, url).toBe(200);
    }
  });

  it('refuses a template preview that is not JSON, or not an object, with a 400', async () => {
    for (const body of ['{', 'null', '[]', '"draft"', '']) {
      const res = await call('POST', '/dashboard/templates/preview', {
        rawBody: body,
        headers: { cookie: owner.cookie, 'content-type': 'application/json' },
      });
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    }
  });
});
