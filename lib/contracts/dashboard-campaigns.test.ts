import { describe, expect, it } from 'vitest';
import { createCampaignSchema } from './campaign';
import { readCampaignForm } from './dashboard-campaigns';

describe('the campaign form’s questions', () => {
  it('keeps a structured question’s kind and knockout when its text is edited, and drops empty rows', () => {
    const form = new FormData();
    form.set('campaignTitle', 'Drivers');
    form.set('channel', 'SMS');
    for (const [text, shape] of [
      [
        'Do you hold a licence? (edited)',
        JSON.stringify({ kind: 'YES_NO', knockout: { expected: 'YES' } }),
      ],
      ['', ''],
      ['When can you start?', ''],
    ]) {
      form.append('questions', text!);
      form.append('questionShapes', shape!);
    }
    const body = readCampaignForm(form);
    expect(body.questions).toEqual([
      { kind: 'YES_NO', knockout: { expected: 'YES' }, text: 'Do you hold a licence? (edited)' },
      'When can you start?',
    ]);
    expect(createCampaignSchema.safeParse(body).success).toBe(true);
  });
});
