import 'server-only';
import { env } from '@/lib/env';
import { loggableError, redactText } from './log-redact';

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof levels, 'silent'>;

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (levels[level] < levels[env().PARLEY_LOG_LEVEL]) return;
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    extra[key] = value instanceof Error ? loggableError(value) : value;
  }
  // Never a credential, whatever a caller passed (lib/server/log-redact.ts).
  const line = redactText(
    JSON.stringify({ time: new Date().toISOString(), level, message, ...extra }),
  );
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

/**
 * Structured log lines (JSON), separate from anything a user sees. Callers pass ids and outcomes,
 * never a key, token, secret or message body; errors are stripped of query parameters.
 */
export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
