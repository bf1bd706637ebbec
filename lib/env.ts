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
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default('Parley <scheduling@parley.localhost>'),
});

export type Env = Omit<z.infer<typeof envSchema>, 'PARLEY_ALLOW_PRIVATE_WEBHOOKS'> & {
  APP_URL: string;
  PARLEY_ALLOW_PRIVATE_WEBHOOKS: boolean;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  cached = {
    ...value,
    APP_URL: (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, ''),
    // `npm run dev` delivers webhooks to receivers on this machine; production never, unless asked.
    PARLEY_ALLOW_PRIVATE_WEBHOOKS:
      value.PARLEY_ALLOW_PRIVATE_WEBHOOKS ?? value.NODE_ENV === 'development',
  };
  return cached;
}
