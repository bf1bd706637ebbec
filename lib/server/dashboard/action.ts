import 'server-only';
import type { z } from 'zod';
import type { MemberRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { requireActionMember, type DashboardMember } from '@/lib/server/auth/dashboard-session';
import { now as clockNow } from '@/lib/server/clock';
import { getDb, type Db } from '@/lib/server/db/client';
import { issuesToDetails } from '@/lib/server/http/errors';
import { log } from '@/lib/server/log';
import type { FormState } from '@/lib/contracts/form-state';

type Context<T> = { db: Db; now: Date; member: DashboardMember; input: T };

/**
 * The one wrapper of every dashboard server action, as apiRoute is for the API: the member and
 * their role first (a VIEWER, or anyone forging a call to an action the page did not offer, is
 * refused), then the form parsed with a contract schema, then one service. Failures come back as
 * the form's state — field errors at their paths, a message — never as an error page.
 */
export function dashboardAction<S extends z.ZodType>(
  spec: { role: MemberRole; schema: S; read: (form: FormData) => unknown },
  handler: (ctx: Context<z.output<S>>) => Promise<FormState | void>,
) {
  return async (_previous: FormState, form: FormData): Promise<FormState> => {
    try {
      const member = await requireActionMember(spec.role);
      const parsed = spec.schema.safeParse(spec.read(form));
      if (!parsed.success) {
        const details = issuesToDetails(parsed.error.issues);
        return {
          status: 'error',
          message: 'Some fields need your attention.',
          errors: Object.fromEntries(details.map((d) => [d.path, d.message])),
        };
      }
      const result = await handler({ db: getDb(), now: clockNow(), member, input: parsed.data });
      return result ?? { status: 'ok' };
    } catch (error) {
      return toFormError(error);
    }
  };
}

/** A failure as the form shows it; unknown errors are logged and said in general terms. */
export function toFormError(error: unknown): FormState {
  // next/navigation's redirect() and notFound() work by throwing: let them through.
  if (isNavigation(error)) throw error;
  if (error instanceof DomainError) {
    return {
      status: 'error',
      message: error.message,
      ...(error.details?.length
        ? { errors: Object.fromEntries(error.details.map((d) => [d.path, d.message])) }
        : {}),
    };
  }
  log.error('dashboard action failed', { error });
  return { status: 'error', message: 'Something went wrong and nothing was changed. Try again.' };
}

function isNavigation(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK)/.test(digest);
}
