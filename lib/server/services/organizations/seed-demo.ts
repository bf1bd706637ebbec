import 'server-only';
import { count, sql } from 'drizzle-orm';
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { createCampaignSchema } from '@/lib/contracts/campaign';
import { createMeetingTemplateSchema } from '@/lib/contracts/meeting-template';
import type { Db } from '@/lib/server/db/client';
import { isLiveVideo } from '@/lib/server/calendar/video';
import { devCalendarBusy } from '@/lib/server/db/schema/calendars';
import { organizations } from '@/lib/server/db/schema/organizations';
import { newId } from '@/lib/server/ids';
import { createCampaign } from '@/lib/server/services/campaigns/create-campaign';
import { createMeetingTemplate } from '@/lib/server/services/meeting-templates/create-meeting-template';
import { inviteMember } from '@/lib/server/services/members/invite-member';
import { storeDevConnection } from '@/lib/server/services/user-calendars/connect-flow';
import { createOrganization } from './create-organization';

export type DemoSeed = {
  organizationId: string;
  apiKey: string;
  campaignId: string;
  meetingTemplateId: string;
  /** The demo owner (`demo.owner@example.com`) and their one-time dashboard sign-in link. */
  ownerEmail: string;
  ownerSignInUrl: string;
};

const DEMO_OWNER = 'demo.owner@example.com';

/** Connected to the development calendar by the seed (DESIGN §6). */
export const DEMO_INTERVIEWER = { name: 'Jane Smith', email: 'jane.smith@example.com' };

const DEMO_ZONE = 'America/New_York';

/**
 * On an empty database, a demo organization with an API key, a meeting template (one interviewer
 * free on weekdays of the next three weeks), an email campaign using it, Jane Smith with a
 * development calendar (for `isCalendarConnected: true`), and its owner with a one-time dashboard
 * sign-in link. Null when any organization already exists.
 */
export async function seedDemoIfEmpty(db: Db, now: Date): Promise<DemoSeed | null> {
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7307012)`);
    const [row] = await tx.select({ n: count() }).from(organizations);
    if ((row?.n ?? 0) > 0) return null;
    const { organizationId, apiKey } = await createOrganization(tx, {
      name: 'Demo Recruiting',
      keyName: 'Demo key',
      now,
    });
    const timeSlots = Array.from(
      { length: 21 },
      (_, i) => new Date(now.getTime() + (i + 1) * 86_400_000),
    )
      .filter((d) => !['Sat', 'Sun'].includes(formatInTimeZone(d, DEMO_ZONE, 'EEE')))
      .map((d) => ({
        date: formatInTimeZone(d, DEMO_ZONE, 'yyyy-MM-dd'),
        startTime: '09:00',
        endTime: '17:00',
      }));
    const template = await createMeetingTemplate(tx, {
      organizationId,
      now,
      values: createMeetingTemplateSchema.parse({
        name: 'Phone screen (30 min)',
        meetingParticipants: [
          {
            name: 'Alex Rivera',
            email: 'alex.rivera@example.com',
            isOrganizer: true,
            availability: { timezone: DEMO_ZONE, timeSlots },
          },
        ],
        meetingConfiguration: {
          title: '{{position}} interview with {{candidateName}}',
          duration: 30,
          timezone: DEMO_ZONE,
          // Google Meet through the development room; with real Google credentials Meet needs the
          // organizer's Google calendar (DESIGN §6), which the fictitious Alex cannot have.
          ...(isLiveVideo('Google Meet')
            ? { videoConferencing: false }
            : { videoConferencing: true, videoConferencingProvider: 'Google Meet' as const }),
          openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
          minimumNoticeMinutes: 120,
        },
      }),
    });
    const campaign = await createCampaign(tx, {
      organizationId,
      now,
      values: createCampaignSchema.parse({
        campaignTitle: 'Software Engineer – phone screens',
        channel: 'EMAIL',
        calendarMeetingTemplateId: template.id,
        company: 'Demo Recruiting',
        position: 'Software Engineer',
        agentName: 'Parley',
      }),
    });
    // The demo interviewer of the calendar-connected example (DESIGN §6): a development calendar
    // with one busy hour tomorrow, so the slots visibly skip it.
    const jane = await storeDevConnection(tx, {
      organizationId,
      email: DEMO_INTERVIEWER.email,
      name: DEMO_INTERVIEWER.name,
      now,
    });
    const tomorrow = formatInTimeZone(
      new Date(now.getTime() + 86_400_000),
      DEMO_ZONE,
      'yyyy-MM-dd',
    );
    await tx.insert(devCalendarBusy).values({
      id: newId(),
      organizationId,
      connectionId: jane.id,
      startAt: fromZonedTime(`${tomorrow}T12:00:00`, DEMO_ZONE),
      endAt: fromZonedTime(`${tomorrow}T13:00:00`, DEMO_ZONE),
      label: 'Lunch (development calendar)',
      createdAt: now,
    });
    return { organizationId, apiKey, campaignId: campaign.id, meetingTemplateId: template.id };
  });
  if (!seeded) return null;
  const owner = await inviteMember(db, {
    organizationId: seeded.organizationId,
    values: { email: DEMO_OWNER, name: 'Demo Owner', role: 'OWNER' },
    now,
    email: false,
  });
  return { ...seeded, ownerEmail: DEMO_OWNER, ownerSignInUrl: owner.signInUrl };
}

/**
 * The calendar-connected request the README and the boot banner show: Jane Smith's (development)
 * calendar decides when she is free, with Google Meet (the development video room stands in
 * without Google credentials).
 */
export function calendarConnectedExample(campaignId: string) {
  return {
    campaignId,
    firstName: 'John',
    lastName: 'Doe',
    emailAddress: 'john.doe@example.com',
    meetingParticipants: [
      {
        name: DEMO_INTERVIEWER.name,
        email: DEMO_INTERVIEWER.email,
        isOrganizer: true,
        isCalendarConnected: true,
      },
    ],
    meetingConfiguration: {
      title: 'Interview with {{candidateName}}',
      duration: 30,
      timezone: DEMO_ZONE,
      videoConferencing: true,
      videoConferencingProvider: 'Google Meet',
      openHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    },
  };
}
