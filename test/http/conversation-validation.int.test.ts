import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/api';
import {
  connectCalendar,
  interviewer,
  meetingConfiguration,
  newCampaign,
  newOrganization,
  schedulingBody,
  uniqueEmail,
} from '../support/factories';

type Body = ReturnType<typeof schedulingBody>;
type Mutation = (b: Body) => unknown;

const config =
  (overrides: Record<string, unknown>): Mutation =>
  (b) => ({
    ...b,
    meetingConfiguration: { ...b.meetingConfiguration, ...overrides },
  });
const participant =
  (overrides: Record<string, unknown>): Mutation =>
  (b) => ({
    ...b,
    meetingParticipants: [{ ...b.meetingParticipants[0], ...overrides }],
  });
const without =
  (key: string, of?: 'meetingConfiguration'): Mutation =>
  (b) => {
    const copy: any = structuredClone(b);
    if (of) delete copy[of][key];
    else delete copy[key];
    return copy;
  };

/** [rule, mutation of a valid body, path the error must name] */
const rules: [string, Mutation, string][] = [
  ['campaignId is required', without('campaignId'), 'campaignId'],
  ['campaignId is a UUID', (b) => ({ ...b, campaignId: 'abc' }), 'campaignId'],
  ['firstName is required', without('firstName'), 'firstName'],
  ['firstName is not blank', (b) => ({ ...b, firstName: '  ' }), 'firstName'],
  ['phoneNumber is E.164', (b) => ({ ...b, phoneNumber: '(415) 555-0100' }), 'phoneNumber'],
  [
    'phoneNumber has no leading zero country code',
    (b) => ({ ...b, phoneNumber: '+0123456' }),
    'phoneNumber',
  ],
  ['emailAddress is an email', (b) => ({ ...b, emailAddress: 'not-an-email' }), 'emailAddress'],
  [
    'phone or email is required',
    (b) => ({ ...b, phoneNumber: null, emailAddress: null }),
    'phoneNumber',
  ],
  [
    'an SMS campaign needs a phone number',
    (b) => ({ ...b, phoneNumber: undefined }),
    'phoneNumber',
  ],
  ['meetingParticipants is required', without('meetingParticipants'), 'meetingParticipants'],
  [
    'meetingParticipants is not empty',
    (b) => ({ ...b, meetingParticipants: [] }),
    'meetingParticipants',
  ],
  ['one participant is the organizer', participant({ isOrganizer: false }), 'meetingParticipants'],
  [
    'only one participant is the organizer',
    (b) => ({ ...b, meetingParticipants: [interviewer(), interviewer()] }),
    'meetingParticipants',
  ],
  [
    'at most one participant auto-collects',
    (b) => ({
      ...b,
      meetingParticipants: [
        interviewer({ availability: undefined, autoCollectAvailability: true }),
        interviewer({ isOrganizer: false, availability: undefined, autoCollectAvailability: true }),
      ],
    }),
    'meetingParticipants',
  ],
  [
    'auto-collect is never calendar-connected',
    participant({
      availability: undefined,
      autoCollectAvailability: true,
      isCalendarConnected: true,
    }),
    'meetingParticipants.0.autoCollectAvailability',
  ],
  [
    'a participant without a calendar needs availability or auto-collect',
    participant({ availability: undefined }),
    'meetingParticipants.0.availability',
  ],
  [
    'availability is not given with auto-collect',
    participant({ autoCollectAvailability: true }),
    'meetingParticipants.0.availability',
  ],
  ['participant email is an email', participant({ email: 'nope' }), 'meetingParticipants.0.email'],
  ['participant name is required', participant({ name: undefined }), 'meetingParticipants.0.name'],
  [
    'participant emails are distinct',
    (b) => {
      const first = interviewer();
      return {
        ...b,
        meetingParticipants: [
          first,
          interviewer({ isOrganizer: false, email: first.email.toUpperCase() }),
        ],
      };
    },
    'meetingParticipants.1.email',
  ],
  [
    'availability timezone is IANA',
    participant({
      availability: {
        timezone: 'EST5EDTX',
        timeSlots: [{ date: '2030-01-01', startTime: '09:00', endTime: '10:00' }],
      },
    }),
    'meetingParticipants.0.availability.timezone',
  ],
  [
    'a time slot ends after it starts',
    participant({
      availability: {
        timezone: 'UTC',
        timeSlots: [{ date: '2030-01-01', startTime: '10:00', endTime: '09:00' }],
      },
    }),
    'meetingParticipants.0.availability.timeSlots.0.endTime',
  ],
  [
    'a time slot date exists',
    participant({
      availability: {
        timezone: 'UTC',
        timeSlots: [{ date: '2030-02-30', startTime: '09:00', endTime: '10:00' }],
      },
    }),
    'meetingParticipants.0.availability.timeSlots.0.date',
  ],
  [
    'a time slot time is HH:mm',
    participant({
      availability: {
        timezone: 'UTC',
        timeSlots: [{ date: '2030-01-01', startTime: '9am', endTime: '10:00' }],
      },
    }),
    'meetingParticipants.0.availability.timeSlots.0.startTime',
  ],
  [
    'availability has time slots',
    participant({ availability: { timezone: 'UTC', timeSlots: [] } }),
    'meetingParticipants.0.availability.timeSlots',
  ],
  ['meetingConfiguration is required', without('meetingConfiguration'), 'meetingConfiguration'],
  ['title is required', without('title', 'meetingConfiguration'), 'meetingConfiguration.title'],
  [
    'title uses known variables only',
    config({ title: 'Hi {{candidateNme}}' }),
    'meetingConfiguration.title',
  ],
  [
    'duration is required',
    without('duration', 'meetingConfiguration'),
    'meetingConfiguration.duration',
  ],
  ['duration is at least 1', config({ duration: 0 }), 'meetingConfiguration.duration'],
  ['duration is at most 1440', config({ duration: 1441 }), 'meetingConfiguration.duration'],
  ['duration is whole minutes', config({ duration: 30.5 }), 'meetingConfiguration.duration'],
  ['duration is a number', config({ duration: '30' }), 'meetingConfiguration.duration'],
  [
    'timezone is required',
    without('timezone', 'meetingConfiguration'),
    'meetingConfiguration.timezone',
  ],
  ['timezone is IANA', config({ timezone: 'Mars/Olympus' }), 'meetingConfiguration.timezone'],
  ['timezone is not an offset', config({ timezone: '+02:00' }), 'meetingConfiguration.timezone'],
  [
    'videoConferencing is required',
    without('videoConferencing', 'meetingConfiguration'),
    'meetingConfiguration.videoConferencing',
  ],
  [
    'a provider is required with video',
    config({ videoConferencingProvider: undefined }),
    'meetingConfiguration.videoConferencingProvider',
  ],
  [
    'the provider is known',
    config({ videoConferencingProvider: 'Zoom' }),
    'meetingConfiguration.videoConferencingProvider',
  ],
  ['no location with video', config({ location: '1 Main St' }), 'meetingConfiguration.location'],
  [
    'openHours is required',
    without('openHours', 'meetingConfiguration'),
    'meetingConfiguration.openHours',
  ],
  ['openHours is not empty', config({ openHours: [] }), 'meetingConfiguration.openHours'],
  [
    'open days are 0–6',
    config({ openHours: [{ days: [7], start: '09:00', end: '17:00' }] }),
    'meetingConfiguration.openHours.0.days.0',
  ],
  [
    'open days are not negative',
    config({ openHours: [{ days: [-1], start: '09:00', end: '17:00' }] }),
    'meetingConfiguration.openHours.0.days.0',
  ],
  [
    'open days are listed',
    config({ openHours: [{ days: [], start: '09:00', end: '17:00' }] }),
    'meetingConfiguration.openHours.0.days',
  ],
  [
    'open hours end after they start',
    config({ openHours: [{ days: [1], start: '17:00', end: '09:00' }] }),
    'meetingConfiguration.openHours.0.end',
  ],
  [
    'open hours do not end when they start',
    config({ openHours: [{ days: [1], start: '09:00', end: '09:00' }] }),
    'meetingConfiguration.openHours.0.end',
  ],
  [
    'open hours start before 24:00',
    config({ openHours: [{ days: [1], start: '24:00', end: '24:00' }] }),
    'meetingConfiguration.openHours.0.start',
  ],
  [
    'open hours are HH:mm',
    config({ openHours: [{ days: [1], start: '9:00', end: '17:00' }] }),
    'meetingConfiguration.openHours.0.start',
  ],
  [
    'bufferMinutes is a multiple of 5',
    config({ bufferMinutes: 7 }),
    'meetingConfiguration.bufferMinutes',
  ],
  [
    'bufferMinutes is at most 120',
    config({ bufferMinutes: 125 }),
    'meetingConfiguration.bufferMinutes',
  ],
  [
    'minimumNoticeMinutes is not negative',
    config({ minimumNoticeMinutes: -1 }),
    'meetingConfiguration.minimumNoticeMinutes',
  ],
  [
    'bookingHorizonDays is at least 1',
    config({ bookingHorizonDays: 0 }),
    'meetingConfiguration.bookingHorizonDays',
  ],
  [
    'bookingHorizonDays is at most 365',
    config({ bookingHorizonDays: 366 }),
    'meetingConfiguration.bookingHorizonDays',
  ],
  ['slotInterval is at least 5', config({ slotInterval: 4 }), 'meetingConfiguration.slotInterval'],
  [
    'slotInterval is at most 720',
    config({ slotInterval: 721 }),
    'meetingConfiguration.slotInterval',
  ],
];

describe('POST /v1/scheduling/conversations validation', () => {
  let api: Client;
  let campaignId: string;

  beforeAll(async () => {
    api = await newOrganization();
    campaignId = await newCampaign(api, { channel: 'SMS' });
  });

  it('accepts the valid body every rule below mutates', async () => {
    const res = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    expect(res.status).toBe(201);
  });

  it.each(rules)('400 when the rule "%s" is broken', async (_, mutate, path) => {
    const res = await api.post('/v1/scheduling/conversations', mutate(schedulingBody(campaignId)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(typeof res.body.error.message).toBe('string');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain(path);
  });

  it('needs an email address for an EMAIL campaign', async () => {
    const emailCampaign = await newCampaign(api, { channel: 'EMAIL' });
    const res = await api.post('/v1/scheduling/conversations', {
      ...schedulingBody(emailCampaign),
      emailAddress: null,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('emailAddress');
  });

  it('refuses a calendar-connected participant whose calendar is not connected here', async () => {
    const email = uniqueEmail('calendar');
    const body = schedulingBody(campaignId, {
      meetingParticipants: [{ name: 'Cal', email, isOrganizer: true, isCalendarConnected: true }],
    });
    const refused = await api.post('/v1/scheduling/conversations', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('meetingParticipants.0.isCalendarConnected');
    // A calendar connected in another organization does not count.
    const other = await newOrganization('Other');
    await connectCalendar(other.auth.organizationId, email);
    expect((await api.post('/v1/scheduling/conversations', body)).status).toBe(400);
    await connectCalendar(api.auth.organizationId, email);
    expect((await api.post('/v1/scheduling/conversations', body)).status).toBe(201);
  });

  it('accepts the edges of every range', async () => {
    const edges = [
      config({ duration: 1, slotInterval: 5 }),
      config({
        duration: 1440,
        openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '24:00' }],
      }),
      config({ bufferMinutes: 120, bookingHorizonDays: 365, slotInterval: 720 }),
      config({
        videoConferencing: false,
        videoConferencingProvider: undefined,
        location: 'Room 4, 1 Main St',
      }),
      // Microsoft Teams: Microsoft is configured in this suite (its local server), so Teams needs
      // the organizer's Microsoft connection — see calendar-microsoft.int.test.ts.
      config({ timezone: 'asia/kathmandu' }),
    ];
    for (const mutate of edges) {
      const res = await api.post(
        '/v1/scheduling/conversations',
        mutate(schedulingBody(campaignId)),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it('fills the documented defaults', async () => {
    const res = await api.post(
      '/v1/scheduling/conversations',
      schedulingBody(campaignId, {
        meetingConfiguration: meetingConfiguration({ duration: 20, timezone: 'europe/paris' }),
      }),
    );
    expect(res.body.meetingConfiguration).toEqual({
      title: 'Interview with Casey Candidate for Backend Engineer',
      description: null,
      duration: 20,
      timezone: 'Europe/Paris',
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      location: null,
      openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
      bufferMinutes: 0,
      minimumNoticeMinutes: 0,
      bookingHorizonDays: 30,
      reminderMinutesBefore: 1440,
      slotInterval: 15,
    });
  });
});
