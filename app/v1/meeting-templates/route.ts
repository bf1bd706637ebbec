import { paginationQuerySchema } from '@/lib/contracts/common';
import { createMeetingTemplateSchema } from '@/lib/contracts/meeting-template';
import { apiRoute, created, ok } from '@/lib/server/http/route';
import { createMeetingTemplate } from '@/lib/server/services/meeting-templates/create-meeting-template';
import { listMeetingTemplates } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { otherMethods } from '@/lib/server/http/methods';

export const POST = apiRoute(
  { body: createMeetingTemplateSchema },
  async ({ db, caller, body, now }) =>
    created(
      await createMeetingTemplate(db, { organizationId: caller.organizationId, values: body, now }),
    ),
);

export const GET = apiRoute({ query: paginationQuerySchema }, async ({ db, caller, query }) =>
  ok(await listMeetingTemplates(db, { organizationId: caller.organizationId, ...query })),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST, GET });
