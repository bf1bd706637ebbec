import { describe, expect, it } from 'vitest';
import { newCampaign, newOrganization, schedulingBody } from '../support/factories';

describe('smoke', () => {
  it('creates a scheduling conversation', async () => {
    const api = await newOrganization();
    const campaignId = await newCampaign(api);
    const res = await api.post('/v1/scheduling/conversations', schedulingBody(campaignId));
    expect(res.status).toBe(201);
    expect(res.body.meetingConfiguration.title).toBe(
      'Interview with Casey Candidate for Backend Engineer',
    );
  });
});
