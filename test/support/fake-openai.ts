import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-compatible server: `POST /v1/chat/completions` with a Bearer key, answering in
 * the Chat Completions wire format (and its error format). What the "model" says is the test's
 * `respond` function of the request's messages; by default a question without an answer.
 */
export type ChatMessage = { role: string; content: string };
export type FakeOpenAi = {
  /** The base URL the SDK takes (`…/v1`). */
  baseUrl: string;
  apiKey: string;
  requests: { model: string; messages: ChatMessage[]; responseFormat: unknown }[];
  respond: (messages: ChatMessage[]) => string;
  close: () => Promise<void>;
};

export const defaultReading = (messages: ChatMessage[]) =>
  JSON.stringify(
    messages.at(-1)?.content.includes('?')
      ? { intent: 'QUESTION', pick: null, answer: null }
      : { intent: 'UNCLEAR', pick: null, answer: null },
  );

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const apiKey = `sk-test-${randomBytes(8).toString('hex')}`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
        return send(404, {
          error: { message: 'Not found', type: 'invalid_request_error', code: null },
        });
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(401, {
          error: {
            message: 'Incorrect API key provided.',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        model: string;
        messages: ChatMessage[];
        response_format?: unknown;
      };
      fake.requests.push({
        model: body.model,
        messages: body.messages,
        responseFormat: body.response_format,
      });
      const content = fake.respond(body.messages);
      send(200, {
        id: `chatcmpl-${randomBytes(12).toString('hex')}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 120, completion_tokens: 20, total_tokens: 140 },
        system_fingerprint: 'fp_parley_test',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeOpenAi = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    apiKey,
    requests: [],
    respond: defaultReading,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}
