/**
 * The JavaScript a real browser loads for a page, for the benchmarks: Debian's Chromium through
 * Playwright, every response of resource type `script`, each body gzipped (what the wire carries
 * with compression on, whatever the server sent).
 */
import zlib from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** The network counts as settled after this long with no request in flight. */
const QUIET_MS = 750;

export type ScriptTotal = { files: number; raw: number; gzip: number };

export type BrowserJs = {
  /** After `load` and an idle network, the candidate touching nothing. */
  afterLoad: ScriptTotal;
  /** Then after hovering and clicking the time-zone box (its search list is a lazy chunk). */
  afterZoneList: ScriptTotal | null;
};

function total(sizes: Iterable<{ raw: number; gzip: number }>): ScriptTotal {
  let files = 0;
  let raw = 0;
  let gzip = 0;
  for (const size of sizes) {
    files += 1;
    raw += size.raw;
    gzip += size.gzip;
  }
  return { files, raw, gzip };
}

/** Resolves once no request has been in flight for QUIET_MS (Playwright's networkidle is once). */
async function settle(page: Page, inFlight: () => number, lastActivity: () => number) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (inFlight() === 0 && performance.now() - lastActivity() >= QUIET_MS) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the page kept loading for 15 s');
}

/**
 * Scripts loaded by the booking page at `url` in Chromium: after load, then after the candidate
 * opens the time-zone list (null when the page shows no time-zone box).
 */
export async function measureBrowserJs(url: string): Promise<BrowserJs> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    const sizes = new Map<string, { raw: number; gzip: number }>();
    const pending: Promise<void>[] = [];
    let inFlight = 0;
    let lastActivity = performance.now();
    const touch = () => (lastActivity = performance.now());
    page.on('request', () => (inFlight++, touch()));
    page.on('requestfailed', () => (inFlight--, touch()));
    page.on('requestfinished', () => (inFlight--, touch()));
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => {
          sizes.set(response.url(), { raw: body.length, gzip: zlib.gzipSync(body).length });
        }),
      );
    });
    const settled = async () => {
      await settle(
        page,
        () => inFlight,
        () => lastActivity,
      );
      await Promise.all(pending);
    };

    const response = await page.goto(url, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`GET ${url}: ${response?.status()}`);
    await settled();
    const afterLoad = total(sizes.values());

    const zoneBox = page.getByRole('combobox', { name: 'Time zone' });
    let afterZoneList: ScriptTotal | null = null;
    if ((await zoneBox.count()) === 1) {
      await zoneBox.hover();
      await zoneBox.click();
      // Options with a zone appear once the list's chunk has arrived.
      await page.locator('[role="option"][data-zone]').first().waitFor({ timeout: 10_000 });
      await settled();
      afterZoneList = total(sizes.values());
    }
    return { afterLoad, afterZoneList };
  } finally {
    await browser.close();
  }
}
