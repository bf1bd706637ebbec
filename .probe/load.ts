import { randomBytes } from 'node:crypto';
import { freshPostgres, startAppProcess, ADMIN_URL } from '../scripts/lib/app-process';
const ZONE = 'America/New_York';
const dateInDays = (d: number) => new Date(Date.now() + d * 86400000).toISOString().slice(0, 10);
const db = await freshPostgres('parley_probe', ADMIN_URL);
const app = await startAppProcess({ env: { PARLEY_DEMO_SEED: '1', DATABASE_URL: db.url } });
const auth = { 'x-api-key': app.credentials!.apiKey, 'x-organization-id': app.credentials!.organizationId, 'content-type': 'application/json' };
const camp = await (await fetch(`${app.baseUrl}/v1/campaigns`, { method: 'POST', headers: auth, body: JSON.stringify({ campaignTitle: 'Bench', channel: 'EMAIL', company: 'Bench Co' }) })).json() as any;
const res = await fetch(`${app.baseUrl}/v1/scheduling/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({
  campaignId: camp.id, firstName: 'Bench', lastName: 'Candidate', emailAddress: `b.${randomBytes(4).toString('hex')}@example.com`,
  meetingParticipants: [{ name: 'Bench Interviewer', email: 'bi@example.com', isOrganizer: true,
    availability: { timezone: ZONE, timeSlots: [2,3,4,5,6].map((d) => ({ date: dateInDays(d), startTime: '08:00', endTime: '18:00' })) } }],
  meetingConfiguration: { title: 'Interview with {{candidateName}}', duration: 30, timezone: ZONE, videoConferencing: true, videoConferencingProvider: 'Google Meet',
    openHours: [{ days: [0,1,2,3,4,5,6], start: '08:00', end: '18:00' }] } }) });
const body = await res.json() as any;
const token = body.bookingUrl.split('/book/')[1];
await app.stop();
process.env.DATABASE_URL = db.url;
const { loadBookingPage } = await import('../lib/server/services/booking/load-booking-page');
const { findBookingLink } = await import('../lib/server/queries/booking-link');
const { getDb } = await import('../lib/server/db/client');
for (let i = 0; i < 100; i++) await loadBookingPage(token, new Date());
const time = async (name: string, f: () => Promise<unknown>) => {
  const t: number[] = [];
  for (let i = 0; i < 500; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(name, 'p50', t[250]!.toFixed(3), 'p90', t[450]!.toFixed(3));
};
await time('loadBookingPage', () => loadBookingPage(token, new Date()));
await time('findBookingLink', () => findBookingLink(getDb(), token));
await db.drop().catch(() => {});
process.exit(0);
