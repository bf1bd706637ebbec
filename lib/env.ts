import { z } from 'zod';

/**
 * The only reader of process.env. Validated once, on first use (the server calls it at boot from
 * instrumentation.ts, scripts at start), so a bad setting stops the process with a clear message.
 */
/** '1'/'true' or '0'/'false'; unset (or empty) stays undefined so a default can depend on NODE_ENV. */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true'));

/** A 32-byte key, base64 (`openssl rand -base64 32`). */
const encryptionKey = z.string().transform((v, ctx) => {
  const bytes = Buffer.from(v.trim(), 'base64');
  if (bytes.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, base64 (openssl rand -base64 32)' });
    return z.NEVER;
  }
  return bytes;
});

/** Requests per minute; an empty value is the default, never 0 (off) by accident. */
const rateLimit = (byDefault: number) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(1_000_000_000).default(byDefault),
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * PostgreSQL connections per process. Small on purpose: when every connection is busy,
   * postgres.js pipelines further queries onto them (one write and one wake-up for several
   * queries), which served 20 % more API requests per second than 10 or 16 connections
   * (`npm run bench:api`).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(4),
  PARLEY_DATA_DIR: z.string().min(1).default('./.data'),
  PARLEY_DEMO_SEED: z.enum(['0', '1', 'auto']).default('auto'),
  PARLEY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  PARLEY_ALLOW_PRIVATE_WEBHOOKS: booleanFlag,
  PARLEY_WORKER: z.enum(['embedded', 'off']).default('embedded'),
  /** `npm start` workers (read by scripts/serve.mjs, which cannot load this module; kept in step). */
  PARLEY_WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  PARLEY_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  /** How long a new availability request gathers the conversations waiting for the same person. */
  PARLEY_AVAILABILITY_GATHER_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Signs and encrypts dashboard sessions (next-auth); required in production. */
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The dashboard's public URL for sign-in links and OAuth callbacks (default APP_URL). */
  NEXTAUTH_URL: z.url().optional(),
  /**
   * Encrypts OAuth tokens and webhook signing secrets at rest (DESIGN §10); required in production.
   * Rotation: put the new key here and the old ones in PARLEY_ENCRYPTION_PREVIOUS_KEYS.
   */
  PARLEY_ENCRYPTION_KEY: z
    .literal('')
    .transform(() => undefined)
    .or(encryptionKey)
    .optional(),
  /** Earlier keys, comma-separated: what they encrypted still reads; new writes use the newest. */
  PARLEY_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((v, ctx) =>
      (v ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean)
        .map((k) => {
          const parsed = encryptionKey.safeParse(k);
          if (!parsed.success) {
            ctx.addIssue({ code: 'custom', message: 'each key must be 32 bytes, base64' });
            return Buffer.alloc(0);
          }
          return parsed.data;
        }),
    ),
  /**
   * Requests per minute of each API key on the authenticated API, and of each booking token and
   * each client address on the public booking endpoints (DESIGN §2). 0 turns that limit off (e.g.
   * behind a gateway that limits already).
   */
  PARLEY_API_RATE_LIMIT: rateLimit(600),
  PARLEY_PUBLIC_RATE_LIMIT: rateLimit(120),
  /**
   * How many reverse proxies in front of the app append to `X-Forwarded-For`: the client address
   * of the public rate limit is read that many hops from the right. 0 (default): the address of
   * the connection, and `X-Forwarded-For` is ignored (a client could write anything in it).
   */
  PARLEY_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** How long a calendar's busy periods are reused before they are fetched again (DESIGN §6). */
  PARLEY_BUSY_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** How long one calendar provider call may take before it counts as failed (busy, never free). */
  PARLEY_CALENDAR_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /** Google sign-in and Google calendars when both are set. */
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_OAUTH_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
  GOOGLE_API_URL: z.url().default('https://www.googleapis.com'),
  /** Microsoft sign-in and Microsoft calendars when both are set. */
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_AUTHORITY: z.url().default('https://login.microsoftonline.com/common'),
  MICROSOFT_GRAPH_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  /** Azure AD tenant of Microsoft sign-in: `common` (any work or personal account) by default. */
  MICROSOFT_TENANT_ID: z.string().min(1).default('common'),
  /**
   * Shows the development mailbox (`/dev/mailbox`: sign-in links written to the dev outbox). On by
   * default under `npm run dev`; in production only when asked (browser tests), never with a real
   * email provider.
   */
  PARLEY_DEV_MAILBOX: booleanFlag,
  /**
   * Offers the development calendar (hand-typed busy times, DESIGN §6). Default: on when no
   * Google or Microsoft credentials are set, or outside production; `1` keeps it beside real
   * providers (demos, tests), `0` hides it.
   */
  PARLEY_DEV_CALENDAR: booleanFlag,
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default('Parley <scheduling@parley.localhost>'),
  /** Verifies Resend's `email.received` webhooks (Svix signature, `whsec_…`). */
  RESEND_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** Replies come back to `reply+<token>@` this domain (DESIGN §7). */
  PARLEY_INBOUND_EMAIL_DOMAIN: z.string().min(3).optional(),
  /** Bearer token of `POST /webhooks/email` (raw RFC 822 from any inbound provider). */
  PARLEY_INBOUND_EMAIL_SECRET: z.string().min(16).optional(),
  /** SMS and WhatsApp through Twilio when the account and token are set (DESIGN §7, §10). */
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM_NUMBER: z.string().min(3).optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().min(1).optional(),
  TWILIO_WHATSAPP_FROM: z.string().min(3).optional(),
  /** Content template for WhatsApp messages outside the 24-hour session window. */
  TWILIO_WHATSAPP_TEMPLATE_SID: z.string().min(1).optional(),
  TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  /** An OpenAI-compatible server for what the rules cannot read (optional, DESIGN §7). */
  PARLEY_LLM_BASE_URL: z.url().optional(),
  PARLEY_LLM_API_KEY: z.string().min(1).optional(),
  PARLEY_LLM_MODEL: z.string().min(1).optional(),
});

export type Env = Omit<
  z.infer<typeof envSchema>,
  'PARLEY_ALLOW_PRIVATE_WEBHOOKS' | 'PARLEY_DEV_MAILBOX' | 'NEXTAUTH_SECRET' | 'NEXTAUTH_URL'
> & {
  APP_URL: string;
  PARLEY_ALLOW_PRIVATE_WEBHOOKS: boolean;
  PARLEY_DEV_MAILBOX: boolean;
  NEXTAUTH_SECRET: string;
  NEXTAUTH_URL: string;
};

/** Outside production only: sessions signed with it are worthless anywhere else. */
const DEVELOPMENT_SECRET = 'parley-development-only-secret-do-not-use-in-production';

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  if (value.NODE_ENV === 'production' && !value.PARLEY_ENCRYPTION_KEY) {
    throw new Error(
      'Invalid environment configuration:\n  PARLEY_ENCRYPTION_KEY: is required in production (32 bytes, base64: `openssl rand -base64 32`); it encrypts webhook secrets and calendar tokens',
    );
  }
  if (value.NODE_ENV === 'production' && !value.NEXTAUTH_SECRET) {
    throw new Error(
      'Invalid environment configuration:\n  NEXTAUTH_SECRET: is required in production (a random string of 32+ characters, e.g. `openssl rand -base64 32`)',
    );
  }
  const appUrl = (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, '');
  cached = {
    ...value,
    APP_URL: appUrl,
    // `npm run dev` delivers webhooks to receivers on this machine; production never, unless asked.
    PARLEY_ALLOW_PRIVATE_WEBHOOKS:
      value.PARLEY_ALLOW_PRIVATE_WEBHOOKS ?? value.NODE_ENV === 'development',
    PARLEY_DEV_MAILBOX:
      !value.RESEND_API_KEY && (value.PARLEY_DEV_MAILBOX ?? value.NODE_ENV === 'development'),
    NEXTAUTH_SECRET: value.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET,
    NEXTAUTH_URL: (value.NEXTAUTH_URL ?? appUrl).replace(/\/+$/, ''),
  };
  // next-auth 4 reads its URL from the environment itself: hand it the validated one.
  process.env.NEXTAUTH_URL = cached.NEXTAUTH_URL;
  return cached;
}
