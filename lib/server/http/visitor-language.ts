import 'server-only';
import { headers } from 'next/headers';
import { languages, type Language } from '@/lib/contracts/common';
import { preferredLanguage } from '@/lib/domain/language/preferred-language';

/**
 * The language a page speaks when nothing it shows names one (a link that does not exist has no
 * campaign): the first of Parley's languages the browser asks for, else English.
 */
export async function visitorLanguage(): Promise<Language> {
  return preferredLanguage((await headers()).get('accept-language'), languages) ?? 'en';
}
