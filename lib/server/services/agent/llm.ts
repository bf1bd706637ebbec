import 'server-only';
import OpenAI from 'openai';
import { llmReadingSchema, type LlmReading } from '@/lib/contracts/agent-llm';
import { llmMessages, type LlmContext } from '@/lib/domain/agent/llm-reading';
import { env } from '@/lib/env';
import { log } from '@/lib/server/log';

const TIMEOUT_MS = 8_000;

let client: { key: string; openai: OpenAI } | undefined;

/** Is an OpenAI-compatible server configured (PARLEY_LLM_BASE_URL and PARLEY_LLM_MODEL)? */
export function llmConfigured(): boolean {
  const s = env();
  return !!(s.PARLEY_LLM_BASE_URL && s.PARLEY_LLM_MODEL);
}

/**
 * Asks the configured model about a reply the rules could not read (through the real `openai`
 * SDK). Its answer must parse as JSON and pass the contract schema; a refusal, a timeout or
 * anything malformed is null, and the rules decide alone. Never inside a transaction.
 */
export async function readWithLlm(context: LlmContext): Promise<LlmReading | null> {
  const s = env();
  if (!s.PARLEY_LLM_BASE_URL || !s.PARLEY_LLM_MODEL) return null;
  const key = `${s.PARLEY_LLM_BASE_URL} ${s.PARLEY_LLM_API_KEY ?? ''}`;
  if (client?.key !== key)
    client = {
      key,
      openai: new OpenAI({
        baseURL: s.PARLEY_LLM_BASE_URL,
        apiKey: s.PARLEY_LLM_API_KEY ?? 'none',
        timeout: TIMEOUT_MS,
        maxRetries: 0,
      }),
    };
  try {
    const completion = await client.openai.chat.completions.create({
      model: s.PARLEY_LLM_MODEL,
      messages: llmMessages(context),
      response_format: { type: 'json_object' },
      temperature: 0,
      max_tokens: 300,
    });
    const content = completion.choices[0]?.message?.content ?? '';
    const parsed = llmReadingSchema.safeParse(JSON.parse(content));
    if (!parsed.success) {
      log.warn('the language model answered outside the contract', {
        content: content.slice(0, 200),
      });
      return null;
    }
    return parsed.data;
  } catch (error) {
    log.warn('the language model could not be asked', { error });
    return null;
  }
}
