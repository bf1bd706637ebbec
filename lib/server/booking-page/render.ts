import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BookingDocumentProps } from '@/components/booking/booking-document';
import { env } from '@/lib/env';

/**
 * The hosted booking page's bundles (scripts/build-booking.ts): React's full server renderer and
 * the client island are built apart from Next.js, whose route handlers only offer the
 * server-components renderer and whose page runtime alone weighs more than the whole island.
 */
const BUILD_DIR = path.join(process.cwd(), 'dist/booking');
export const BOOKING_ASSET_PREFIX = '/book/assets/';

type Manifest = { script: string; stylesheet: string };
type Renderer = { renderBookingDocument: (props: BookingDocumentProps) => string };
type Build = { manifest: Manifest; renderer: Renderer; version: number };

const store = globalThis as typeof globalThis & { __parleyBookingBuild?: Promise<Build> };

/**
 * The current build. Production loads it once; development reloads it after a rebuild (the
 * manifest is rewritten last), so `npm run dev` picks up changes to components/booking.
 */
async function currentBuild(): Promise<Build> {
  const manifestPath = path.join(BUILD_DIR, 'manifest.json');
  const cached = store.__parleyBookingBuild;
  if (cached && env().NODE_ENV === 'production') return cached;
  let version: number;
  try {
    version = fs.statSync(manifestPath).mtimeMs;
  } catch {
    throw new Error('The booking page is not built: run `npm run build` (or `npm run dev`).');
  }
  if (cached && (await cached).version === version) return cached;
  const loading = (async (): Promise<Build> => {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
    const url = pathToFileURL(path.join(BUILD_DIR, 'render.mjs'));
    url.search = `v=${version}`;
    const renderer = (await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ url.href
    )) as Renderer;
    return { manifest, renderer, version };
  })();
  store.__parleyBookingBuild = loading;
  loading.catch(() => {
    if (store.__parleyBookingBuild === loading) store.__parleyBookingBuild = undefined;
  });
  return loading;
}

/** The booking page's whole HTML document. */
export async function renderBookingPage(
  props: Omit<BookingDocumentProps, 'assets'>,
): Promise<string> {
  const { manifest, renderer } = await currentBuild();
  return renderer.renderBookingDocument({
    ...props,
    assets: {
      script: BOOKING_ASSET_PREFIX + manifest.script,
      stylesheet: BOOKING_ASSET_PREFIX + manifest.stylesheet,
    },
  });
}

const ASSET_NAME = /^(island|page)-[A-Za-z0-9_-]+\.(js|css)$/;
const assetCache = new Map<string, Buffer>();

/** A built asset by file name (content-hashed, so it can be cached forever), or null. */
export function readBookingAsset(name: string): { body: Buffer; contentType: string } | null {
  if (!ASSET_NAME.test(name)) return null;
  let body = assetCache.get(name);
  if (!body) {
    try {
      body = fs.readFileSync(path.join(BUILD_DIR, 'assets', name));
    } catch {
      return null;
    }
    assetCache.set(name, body);
  }
  const contentType = name.endsWith('.js')
    ? 'text/javascript; charset=utf-8'
    : 'text/css; charset=utf-8';
  return { body, contentType };
}
