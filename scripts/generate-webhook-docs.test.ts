import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envelopeSchema, eventTypes } from '@/lib/contracts/webhooks';
import { webhookDocs, webhookExample } from '@/lib/contracts/webhook-examples';

describe('webhook payload docs', () => {
  it('has an example of every event that its schema accepts', () => {
    for (const event of eventTypes) {
      expect(envelopeSchema(event).safeParse(webhookExample(event)).success).toBe(true);
    }
  });

  it('refuses a payload missing what DESIGN §5 requires', () => {
    const broken = { ...webhookExample('CALENDAR_MEETING_CANCELLED') } as {
      data: Record<string, unknown>;
    };
    broken.data = { ...broken.data };
    delete broken.data.cancelledBy;
    expect(envelopeSchema('CALENDAR_MEETING_CANCELLED').safeParse(broken).success).toBe(false);
  });

  it('keeps docs/webhooks in step with the contract (run `npm run docs:webhooks`)', () => {
    const folder = path.resolve(import.meta.dirname, '../docs/webhooks');
    for (const [name, content] of Object.entries(webhookDocs())) {
      expect(fs.readFileSync(path.join(folder, name), 'utf8'), name).toBe(content);
    }
  });
});
