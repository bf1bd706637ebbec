/** `npm run docs:webhooks`: writes docs/webhooks/<EVENT>.json and .schema.json from the contracts. */
import fs from 'node:fs';
import path from 'node:path';
import { webhookDocs } from '@/lib/contracts/webhook-examples';

const folder = path.join(process.cwd(), 'docs', 'webhooks');
fs.mkdirSync(folder, { recursive: true });
for (const [name, content] of Object.entries(webhookDocs()))
  fs.writeFileSync(path.join(folder, name), content);
console.error(`Wrote ${Object.keys(webhookDocs()).length} files to docs/webhooks/.`);
