import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/server/db/client';
import { calendarConnections } from '@/lib/server/db/schema/calendars';
import { newId } from '@/lib/server/ids';
import { createOrganization } from '@/lib/server/services/organizations/create-organization';
import { client, type Client } from './api';

/** A fresh organization with an API key, and an API client bound to it. */
export async function newOrganization(name = 'Test Org'): Promise<Client> {
  const { organizationId, apiKey } = await createOrganization(getDb(), { name, now: new Date() });
  return client({ organizationId, apiKey });
}

export async function connectCalendar(organizationId: string, email: string): Promise<void> {
  await getDb().insert(calendarConnections).values({
    id: newId(),
    organizationId,
    provider: 'DEV',
    email: email.toLowerCase(),
    connectedAt: new Date(),
  });
}

export function uniqueEmail(prefix = 'candidate'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.com`;
}

export function uniquePhone(): string {
  return `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

export function campaignBody(overrides: Record<string, unknown> = {}) {
  return {
    campaignTitle: 'Backend Engineer',
    channel: 'SMS',
    company: 'Acme',
    position: 'Backend Engineer',
    ...overrides,
  };
}

/** Wall-clock dates `days` after today (UTC), as YYYY-MM-DD. */
export function dateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function meetingConfiguration(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Interview with {{candidateName}} for {{position}}',
    duration: 30,
    timezone: 'America/New_York',
    videoConferencing: true,
    videoConferencingProvider: 'Google Meet',
    openHours: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' }],
    ...overrides,
  };
}

export function interviewer(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ivy Interviewer',
    email: uniqueEmail('ivy'),
    isOrganizer: true,
    availability: {
      timezone: 'America/New_York',
      timeSlots: [2, 3, 4].map((d) => ({
        date: dateInDays(d),
        startTime: '09:00',
        endTime: '17:00',
      })),
    },
    ...overrides,
  };
}

export function schedulingBody(campaignId: string, overrides: Record<string, unknown> = {}) {
  return {
    campaignId,
    firstName: 'Casey',
    lastName: 'Candidate',
    phoneNumber: uniquePhone(),
    emailAddress: uniqueEmail(),
    meetingParticipants: [interviewer()],
    meetingConfiguration: meetingConfiguration(),
    ...overrides,
  };
}

export async function newCampaign(
  api: Client,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await api.post('/v1/campaigns', campaignBody(overrides));
  if (res.status !== 201)
    throw new Error(`campaign create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

/** Polls `check` until it returns a truthy value (for work done by background jobs). */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The booking token of a conversation's bookingUrl. */
export function tokenOf(conversation: { bookingUrl: string }): string {
  return conversation.bookingUrl.split('/book/')[1]!;
}
