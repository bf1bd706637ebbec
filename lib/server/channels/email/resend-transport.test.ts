import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendTransport } from './resend-transport';

/** A local server speaking Resend's wire format (POST /emails), so the real SDK is exercised. */
describe('Resend transport against a fake Resend API', () => {
  const requests: { path: string; auth: string | undefined; body: any }[] = [];
  let server: http.Server;
  let baseUrl = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const body = JSON.parse(text);
        requests.push({ path: req.url ?? '', auth: req.headers.authorization, body });
        res.setHeader('content-type', 'application/json');
        if (body.to?.[0] === 'bounce@example.com') {
          res.statusCode = 422;
          res.end(
            JSON.stringify({
              statusCode: 422,
              name: 'validation_error',
              message: 'Invalid `to` field.',
            }),
          );
          return;
        }
        res.end(JSON.stringify({ id: `re_${requests.length}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the email with its ICS attachment and returns the provider id', async () => {
    const transport = resendTransport('re_test_key', baseUrl);
    const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const result = await transport.send({
      channel: 'EMAIL',
      from: 'Parley <scheduling@example.com>',
      to: 'jamie@example.com',
      subject: 'Invitation: Interview',
      body: 'When: tomorrow',
      attachments: [
        { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
      ],
    });
    expect(result.providerMessageId).toBe('re_1');
    const [request] = requests;
    expect(request!.path).toBe('/emails');
    expect(request!.auth).toBe('Bearer re_test_key');
    expect(request!.body).toMatchObject({
      from: 'Parley <scheduling@example.com>',
      to: ['jamie@example.com'],
      subject: 'Invitation: Interview',
      text: 'When: tomorrow',
    });
    const [attachment] = request!.body.attachments;
    expect(attachment.filename).toBe('invite.ics');
    expect(Buffer.from(attachment.content, 'base64').toString('utf8')).toBe(ics);
  });

  it('throws when Resend refuses (the SDK answers { error } instead of throwing)', async () => {
    const transport = resendTransport('re_test_key', baseUrl);
    await expect(
      transport.send({
        channel: 'EMAIL',
        from: 'a@example.com',
        to: 'bounce@example.com',
        body: 'x',
      }),
    ).rejects.toThrow(/Invalid `to` field/);
  });

  it('throws when Resend cannot be reached', async () => {
    const transport = resendTransport('re_test_key', 'http://127.0.0.1:9');
    await expect(
      transport.send({
        channel: 'EMAIL',
        from: 'a@example.com',
        to: 'x@example.com',
        body: 'x',
      }),
    ).rejects.toThrow();
  });
});
