/**
 * What a log line may hold (issue 17): never an API key, a token, a secret or a message body.
 * Errors are the risk: a failed query's message carries its parameters (drizzle: "params: …"),
 * which can be a booking token, a key's hash or a message. Kept free of env and `server-only` so
 * that it is unit-tested on its own.
 */

type LoggedError = {
  name: string;
  message: string;
  code?: string;
  cause?: LoggedError;
  stack?: string;
};

/** Credentials by their shape, wherever they appear in a line. */
const credentialPatterns: [RegExp, string][] = [
  [/\bpk_[A-Za-z0-9_-]{16,}/g, 'pk_[redacted]'],
  [/\bwhsec_[A-Za-z0-9+/=_-]{8,}/g, 'whsec_[redacted]'],
  [/\benc:v\d:[A-Za-z0-9_:-]{16,}/g, 'enc:[redacted]'],
  [/(\/(?:v1\/booking|book|availability|connect\/invite)\/)[A-Za-z0-9_-]{16,}/g, '$1[redacted]'],
  [/(reply\+)[A-Za-z0-9_-]{8,}(@)/g, '$1[redacted]$2'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of credentialPatterns) out = out.replace(pattern, replacement);
  return out;
}

/** A query's text may stay (it is code); its parameters never do. */
function withoutParameters(message: string): string {
  return message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
}

/** An error as it may be logged: name, message and stack without query parameters, the cause. */
export function loggableError(error: Error, depth = 0): LoggedError {
  const message = redactText(withoutParameters(error.message));
  const code = (error as { code?: unknown }).code;
  const cause = (error as { cause?: unknown }).cause;
  return {
    name: error.name,
    message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(cause instanceof Error && depth < 3 ? { cause: loggableError(cause, depth + 1) } : {}),
    ...(error.stack
      ? {
          stack: redactText(
            error.stack.replace(error.message, message).replace(/\nparams: [^\n]*/g, ''),
          ),
        }
      : {}),
  };
}
