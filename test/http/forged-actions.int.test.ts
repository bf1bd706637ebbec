import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { memberships } from '@/lib/server/db/schema/users';
import { call } from '../support/api';
import {
  callAction,
  formStateOf,
  pathOfPage,
  serverActionsUnder,
  signInMember,
  snapshotOrganization,
  type ManifestAction,
  type SignedIn,
} from '../support/dashboard';
import {
  dateInDays,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  tokenOf,
  uniqueEmail,
} from '../support/factories';

/**
 * Every server action of the dashboard, as the build lists them, called the way a forger would:
 * by a VIEWER of organization A (who sees no button for any of them), and by an OWNER of
 * organization B aimed at A's records. Each must refuse and leave A's data exactly as it was.
 * New actions are covered as they are added: the list comes from the build, not from this file.
 */
const DASHBOARD = 'app/(site)/dashboard';
const DAY = dateInDays(5);

describe('forged server action calls', () => {
  const actions = serverActionsUnder(DASHBOARD);
  let orgA: string;
  let orgB: string;
  let viewerA: SignedIn;
  let ownerB: SignedIn;
  /** Org A's records, under every name a dashboard form might give their id. */
  let fields: Record<string, string>;
  let idFor: (segment: string, parent: string) => string;

  beforeAll(async () => {
    const apiA = await newOrganization('Forgery Target');
    orgA = apiA.auth.organizationId;
    const apiB = await newOrganization('Forgery Source');
    orgB = apiB.auth.organizationId;
    viewerA = await signInMember(orgA, 'VIEWER');
    ownerB = await signInMember(orgB, 'OWNER');
    const recruiterA = await signInMember(orgA, 'RECRUITER');

    const campaignId = await newCampaign(apiA, { channel: 'EMAIL' });
    const created = await apiA.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingParticipants: [
          interviewer({
            availability: {
              timezone: 'America/New_York',
              timeSlots: [{ date: DAY, startTime: '09:00', endTime: '12:00' }],
            },
          }),
        ],
        meetingConfiguration: meetingConfiguration({ timezone: 'America/New_York' }),
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = tokenOf(created.body);
    const slots = await call('GET', `/v1/booking/${token}/slots?from=${DAY}&to=${DAY}`);
    const [first, second] = slots.body.slots as { start: string }[];
    const booked = await call('POST', `/v1/booking/${token}`, { body: { start: first!.start } });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const template = await apiA.post('/v1/meeting-templates', {
      name: 'Forgery template',
      meetingParticipants: [interviewer()],
      meetingConfiguration: meetingConfiguration(),
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const webhook = await apiA.post('/v1/webhooks', { url: 'http://127.0.0.1:9/forgery-hook' });
    expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
    const [membership] = await getDb()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organizationId, orgA), eq(memberships.userId, recruiterA.userId)));

    const ids: Record<string, string | undefined> = {
      meetingId: booked.body.meeting.id,
      conversationId: created.body.id,
      campaignId,
      templateId: template.body?.id,
      meetingTemplateId: template.body?.id,
      endpointId: webhook.body?.id,
      webhookId: webhook.body?.id,
      memberId: membership!.id,
    };
    fields = {
      ...(Object.fromEntries(Object.entries(ids).filter(([, v]) => v)) as Record<string, string>),
      id: booked.body.meeting.id,
      // Another organization than the viewer's (the switcher must not let them in).
      organizationId: orgB,
      name: 'Forged',
      title: 'Forged',
      campaignTitle: 'Forged',
      email: uniqueEmail('forged'),
      role: 'OWNER',
      reason: 'Forged',
      start: second?.start ?? first!.start,
      body: 'Forged',
      url: 'https://example.com/forged',
    };
    const byFolder: Record<string, string | undefined> = {
      conversations: ids.conversationId,
      meetings: ids.meetingId,
      campaigns: ids.campaignId,
      templates: ids.templateId,
      webhooks: ids.endpointId,
      endpoints: ids.endpointId,
      members: ids.memberId,
    };
    idFor = (_segment, parent) => byFolder[parent] ?? crypto.randomUUID();
  });

  const pathOf = (action: ManifestAction) => pathOfPage(action.page, idFor);

  it('finds the dashboard’s actions in the build, the meetings and settings ones among them', () => {
    expect(actions.length).toBeGreaterThan(0);
    const names = actions.map((a) => `${a.filename}#${a.exportedName}`);
    expect(names).toContain(`${DASHBOARD}/meetings/actions.ts#cancelMeetingAction`);
    expect(names).toContain(`${DASHBOARD}/meetings/actions.ts#rescheduleMeetingAction`);
    expect(names).toContain(`${DASHBOARD}/settings/actions.ts#changeMemberRoleAction`);
  });

  it('refuses every action to a VIEWER, with the refusal in the answer and nothing changed', async () => {
    for (const action of actions) {
      const label = `${action.filename}#${action.exportedName}`;
      const before = await snapshotOrganization(orgA);
      const response = await callAction({
        action,
        path: pathOf(action),
        cookie: viewerA.cookie,
        fields,
      });
      expect(response.status, label).toBeLessThan(500);
      const state = formStateOf(response.text);
      if (state) {
        expect(state.status, label).toBe('error');
        expect(state.message, label).toMatch(/needs the (RECRUITER|ADMIN|OWNER) role/);
      } else {
        // Not a form action (the organization switcher): it may only answer, never set anything.
        expect(response.headers.getSetCookie(), label).toEqual([]);
      }
      expect(await snapshotOrganization(orgA), label).toBe(before);
    }
  });

  it('never lets another organization’s owner touch organization A’s records', async () => {
    for (const action of actions) {
      const label = `${action.filename}#${action.exportedName}`;
      const beforeA = await snapshotOrganization(orgA, { accountEmails: false });
      const beforeB = await snapshotOrganization(orgB, { accountEmails: false });
      const response = await callAction({
        action,
        path: pathOf(action),
        cookie: ownerB.cookie,
        // Aimed at A: the switcher too.
        fields: { ...fields, organizationId: orgA },
      });
      expect(response.status, label).toBeLessThan(500);
      const state = formStateOf(response.text);
      if (state?.status === 'ok') {
        // A success can only have been about B's own data (a create, B's own name).
        expect(await snapshotOrganization(orgB, { accountEmails: false }), label).not.toBe(beforeB);
      }
      if (!state) expect(response.headers.getSetCookie(), label).toEqual([]);
      expect(await snapshotOrganization(orgA, { accountEmails: false }), label).toBe(beforeA);
    }
  });

  it('refuses the meetings actions on A’s meeting to B as not found', async () => {
    for (const name of ['cancelMeetingAction', 'rescheduleMeetingAction']) {
      const action = actions.find((a) => a.exportedName === name)!;
      const response = await callAction({
        action,
        path: pathOf(action),
        cookie: ownerB.cookie,
        fields,
      });
      const state = formStateOf(response.text);
      expect(state?.status, name).toBe('error');
      expect(state?.message, name).toMatch(/not found/i);
    }
  });
});
