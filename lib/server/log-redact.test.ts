import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { loggableError, redactText } from './log-redact';

const apiKey = 'pk_eb2cZHRe3VxcVbDXpQL-iXlg03xbVrCEUTqIfVEwmts';
const token = 'ODMSlwsVE3LxrT6IcroEuGjeirIB9-qsFSw0mLrn6Cs';
const secret = 'whsec_MfKQ9r8GKYqrTNnqH0JFr1zYAbFJbyzP7ZpT1xM5mWw=';

describe('log redaction', () => {
  it('keeps query parameters (tokens, message bodies, hashes) out of logged errors', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
    });
    const error = new DrizzleQueryError(
      'insert into messages (body, booking_token) values ($1, $2)',
      ['Hi Casey, my salary expectation is 90k', token],
      cause,
    );
    const logged = loggableError(error);
    const text = JSON.stringify(logged);
    expect(text).toContain('insert into messages');
    expect(text).not.toContain('salary');
    expect(text).not.toContain(token);
    expect(logged.cause).toMatchObject({
      code: '23505',
      message: expect.stringContaining('duplicate'),
    });
  });

  it('masks API keys, webhook secrets, ciphertexts, link tokens and bearer tokens anywhere', () => {
    const line = JSON.stringify({
      message: `key ${apiKey} secret ${secret} stored enc:v1:k1:aaaaaaaa:bbbbbbbb:cccccccccccccccc`,
      url: `https://parley.example/book/${token}?x=1`,
      context: `GET /v1/booking/${token}/slots`,
      reply: `reply+${token}@inbound.example`,
      header: 'Authorization: Bearer abcdef0123456789',
    });
    const out = redactText(line);
    for (const leaked of [apiKey, secret, token, 'abcdef0123456789', 'cccccccccccccccc']) {
      expect(out).not.toContain(leaked);
    }
    expect(out).toContain('/book/[redacted]');
    expect(out).toContain('GET /v1/booking/[redacted]/slots');
    expect(JSON.parse(out)).toBeTruthy();
  });
});
