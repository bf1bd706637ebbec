import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/api';
import {
  campaignBody,
  connectCalendar,
  interviewer,
  meetingConfiguration,
  newOrganization,
  uniqueEmail,
} from '../support/factories';

describe('meeting templates', () => {
  let api: Client;
  const template = () => ({
    name: 'Panel interview',
    meetingParticipants: [interviewer(), interviewer({ isOrganizer: false, name: 'Second' })],
    meetingConfiguration: meetingConfiguration({ bufferMinutes: 15 }),
  });

  beforeAll(async () => {
    api = await newOrganization();
  });

  it('creates, reads, lists, updates and deletes a template', async () => {
    const created = await api.post('/v1/meeting-templates', template());
    expect(created.status).toBe(201);
    expect(created.body.name).toBe('Panel interview');
    expect(created.body.meetingParticipants).toHaveLength(2);
    // Defaults are filled; the title keeps its variables until a conversation fills them.
    expect(created.body.meetingConfiguration).toMatchObject({
      title: 'Interview with {{candidateName}} for {{position}}',
      bufferMinutes: 15,
      minimumNoticeMinutes: 0,
      bookingHorizonDays: 30,
      reminderMinutesBefore: 1440,
      slotInterval: 30,
      location: null,
      description: null,
    });
    expect(Object.keys(created.body.meetingParticipants[0])).toEqual([
      'name',
      'email',
      'isOrganizer',
      'isCalendarConnected',
      'availability',
      'autoCollectAvailability',
      'maxMeetingsPerDay',
      'maxMeetingsPerWeek',
    ]);
    expect(created.body.availabilityMethod).toBe('COLLECTIVE');
    expect((await api.get(`/v1/meeting-templates/${created.body.id}`)).body).toEqual(created.body);
    const list = await api.get('/v1/meeting-templates');
    expect(list.body.data.map((t: { id: string }) => t.id)).toContain(created.body.id);

    const renamed = await api.patch(`/v1/meeting-templates/${created.body.id}`, {
      name: 'Renamed',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Renamed');
    expect(renamed.body.meetingParticipants).toEqual(created.body.meetingParticipants);
    const badPatch = await api.patch(`/v1/meeting-templates/${created.body.id}`, {
      meetingConfiguration: { ...meetingConfiguration(), duration: 0 },
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.error.details[0].path).toBe('meetingConfiguration.duration');

    expect((await api.delete(`/v1/meeting-templates/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/v1/meeting-templates/${created.body.id}`)).status).toBe(404);
  });

  it('refuses to delete a template a campaign uses', async () => {
    const created = await api.post('/v1/meeting-templates', template());
    const campaign = await api.post(
      '/v1/campaigns',
      campaignBody({ calendarMeetingTemplateId: created.body.id }),
    );
    const refused = await api.delete(`/v1/meeting-templates/${created.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    await api.patch(`/v1/campaigns/${campaign.body.id}`, { calendarMeetingTemplateId: null });
    expect((await api.delete(`/v1/meeting-templates/${created.body.id}`)).status).toBe(204);
  });

  it('checks calendar-connected participants against the organization', async () => {
    const email = uniqueEmail('cal');
    const body = {
      name: 'Calendar',
      meetingParticipants: [{ name: 'Cal', email, isOrganizer: true, isCalendarConnected: true }],
      meetingConfiguration: meetingConfiguration(),
    };
    const refused = await api.post('/v1/meeting-templates', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('meetingParticipants.0.isCalendarConnected');
    await connectCalendar(api.auth.organizationId, email);
    expect((await api.post('/v1/meeting-templates', body)).status).toBe(201);
  });

  it('requires a name', async () => {
    const res = await api.post('/v1/meeting-templates', { ...template(), name: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('name');
  });
});
