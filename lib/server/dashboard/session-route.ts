import 'server-only';
import { isId } from '@/lib/contracts/common';
import { hasRole, type MemberRole } from '@/lib/contracts/members';
import { DomainError } from '@/lib/domain/errors';
import { currentMember, type DashboardMember } from '@/lib/server/auth/dashboard-session';
import { now as clockNow } from '@/lib/server/clock';
import { getDb, type Db } from '@/lib/server/db/client';
import { toErrorResponse } from '@/lib/server/http/errors';
import { toResponse } from '@/lib/server/http/route';

type Context<P> = { db: Db; now: Date; member: DashboardMember; params: P; req: Request };

/**
 * A JSON route handler of the dashboard (what its live parts fetch), the way apiRoute is for the
 * API: the signed-in member (401 without a session), their role (403), then the handler, whose
 * result or DomainError becomes the API's JSON body. Records are scoped by the member's
 * organization by the services the handler calls (another organization's id is a 404).
 */
export function sessionRoute<P extends Record<string, string>>(
  spec: {
    role: MemberRole;
    /** Path parameters that must be ids; anything else is a 404 without touching the database. */
    idParams?: (keyof P & string)[];
  },
  handler: (ctx: Context<P>) => Promise<unknown>,
) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const member = await currentMember();
      if (!member) throw new DomainError('unauthorized', 'Sign in to the dashboard first.');
      if (!hasRole(member.role, spec.role))
        throw new DomainError('forbidden', `This needs the ${spec.role} role.`);
      const params = await route.params;
      for (const name of spec.idParams ?? []) {
        if (!isId(params[name] ?? '')) throw new DomainError('not_found', 'Not found');
      }
      const body = await handler({
        db: getDb(),
        now: clockNow(),
        member,
        params,
        req,
      });
      return toResponse({ status: 200, body });
    } catch (error) {
      return toResponse(toErrorResponse(error, `${req.method} ${new URL(req.url).pathname}`));
    }
  };
}
