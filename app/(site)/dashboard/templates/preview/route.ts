import { templatePreviewSchema } from '@/lib/contracts/dashboard-templates';
import { DomainError } from '@/lib/domain/errors';
import { sessionRoute } from '@/lib/server/dashboard/session-route';
import { issuesToDetails } from '@/lib/server/http/errors';
import { previewTemplateStarts } from '@/lib/server/services/meeting-templates/preview-template-starts';

/**
 * The starts a meeting template being edited would offer this week (nothing is saved): the
 * draft is checked by the API's schema, then given to the booking page's slot engine.
 */
export const POST = sessionRoute({ role: 'VIEWER' }, async ({ db, now, member, req }) => {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new DomainError('validation_error', 'The body must be JSON.');
  }
  const parsed = templatePreviewSchema.safeParse(body);
  if (!parsed.success) {
    const details = issuesToDetails(parsed.error.issues);
    throw new DomainError(
      'validation_error',
      `${details[0]!.path}: ${details[0]!.message}`,
      details,
    );
  }
  return previewTemplateStarts(db, {
    organizationId: member.organizationId,
    values: { name: 'Preview', ...parsed.data },
    now,
  });
});
