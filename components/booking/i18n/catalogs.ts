import type { Language } from '@/lib/contracts/common';
import { de } from './de';
import { en, serverOnlyKeys, type ClientMessages, type Messages } from './messages';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

/**
 * Every catalog, for the server: the page picks the candidate's and hands only that one to the
 * client components, so the browser never downloads the other four.
 */
const catalogs: Record<Language, Messages> = { en, es, fr, de, pt };

export function messagesFor(language: Language): Messages {
  return catalogs[language];
}

const clientCatalogs = new Map<Language, ClientMessages>();

/** The catalog the client components get: without the server-only words (less page to send). */
export function clientMessagesFor(language: Language): ClientMessages {
  let client = clientCatalogs.get(language);
  if (!client) {
    const entries = Object.entries(catalogs[language]).filter(
      ([key]) => !(serverOnlyKeys as readonly string[]).includes(key),
    );
    client = Object.fromEntries(entries) as ClientMessages;
    clientCatalogs.set(language, client);
  }
  return client;
}

/** The BCP 47 locale Intl formats the page's dates in. */
export const localeOf: Record<Language, string> = {
  en: 'en-US',
  es: 'es',
  fr: 'fr',
  de: 'de',
  pt: 'pt-BR',
};
