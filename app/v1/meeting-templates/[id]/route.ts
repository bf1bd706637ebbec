import { updateMeetingTemplateSchema } from '@/lib/contracts/meeting-template';
import { apiRoute, noContent, ok } from '@/lib/server/http/route';
import { deleteMeetingTemplate } from '@/lib/server/services/meeting-templates/delete-meeting-template';
import { getMeetingTemplate } from '@/lib/server/services/meeting-templates/get-meeting-template';
import { updateMeetingTemplate } from '@/lib/server/services/meeting-templates/update-meeting-template';
import { otherMethods } from '@/lib/server/http/methods';

type Params = { id: string };

export const GET = apiRoute<Params>({ uuidParams: ['id'] }, async ({ db, caller, params }) =>
  ok(await getMeetingTemplate(db, { organizationId: caller.organizationId, id: params.id })),
);

export const PATCH = apiRoute<Params, typeof updateMeetingTemplateSchema>(
  { uuidParams: ['id'], body: updateMeetingTemplateSchema },
  async ({ db, caller, params, body, now }) =>
    ok(
      await updateMeetingTemplate(db, {
        organizationId: caller.organizationId,
        id: params.id,
        patch: body,
        now,
      }),
    ),
);

export const DELETE = apiRoute<Params>(
  { uuidParams: ['id'] },
  async ({ db, caller, params, now }) => {
    await deleteMeetingTemplate(db, { organizationId: caller.organizationId, id: params.id, now });
    return noContent();
  },
);

export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
