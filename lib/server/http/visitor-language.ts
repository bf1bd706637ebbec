import 'server-only';
import { headers } from 'next/headers';
import { languages, type Language } from '@/lib/contracts/common';
import { preferredLanguage } from '@/lib/domain/language/preferred-language';
import { log } from '@/lib/server/log';

/**
 * The language a page speaks when nothing it shows names one (a link that does not exist has no
 * campaign): the first of Parley's languages the browser asks for, else English.
 */
export async function visitorLanguage(): Promise<Language> {
  return preferredLanguage((await headers()).get('accept-language'), languages) ?? 'en';
}

/**
 * The `<html lang>` of a link's page: the language `read` finds for the link (its campaigns'),
 * else the browser's. A failing `read` is logged and does not stop the document: the page below
 * shows its own error state.
 */
export async function documentLanguage(
  read: () => Promise<Language | undefined>,
  page: string,
): Promise<Language> {
  try {
    const language = await read();
    if (language) return language;
  } catch (error) {
    log.error(`${page} failed`, { error });
  }
  return visitorLanguage();
}
