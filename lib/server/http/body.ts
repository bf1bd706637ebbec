import 'server-only';
import { DomainError } from '@/lib/domain/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most 1 MB; an empty body reads as `{}`. */
export async function readJsonBody(req: Request): Promise<{ value: unknown; text: string }> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(req);
  if (text.trim() === '') return { value: {}, text: '' };
  try {
    // PostgreSQL text cannot hold NUL: refuse it here, naming the field, instead of failing later.
    const reviver = text.includes('\\u0000') || text.includes('\0') ? rejectNul : undefined;
    return { value: JSON.parse(text, reviver) as unknown, text };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      'invalid_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

async function readLimited(req: Request): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

/** The body's bytes, at most `maxBytes` (else 413). */
export async function readRawBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes = MAX_BODY_BYTES): DomainError {
  return new DomainError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
}

function rejectNul(this: unknown, key: string, value: unknown): unknown {
  if ((typeof value === 'string' && value.includes('\0')) || key.includes('\0')) {
    throw new DomainError('validation_error', `${key || 'body'}: must not contain NUL characters`, [
      { path: key, message: 'must not contain NUL characters' },
    ]);
  }
  return value;
}
