import fs from 'node:fs';
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
const url = body.bookingUrl.replace(/^https?:\/\/[^/]+/, app.baseUrl);
for (const [name, u] of [['booking', url], ['floor', `${app.baseUrl}/dev/video/bench`]] as const) {
  const html = await (await fetch(u)).text();
  fs.writeFileSync(`/tmp/${name}.html`, html);
  for (let i = 0; i < 50; i++) await (await fetch(u)).text();
  const t: number[] = [];
  for (let i = 0; i < 300; i++) { const s = performance.now(); await (await fetch(u)).text(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(name, 'bytes', html.length, 'p50', t[150]!.toFixed(2), 'p90', t[270]!.toFixed(2));
}
await app.stop(); await db.drop();
