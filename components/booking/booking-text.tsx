'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { WeekStart } from '@/lib/domain/time/calendar-date';
import type { ClientMessages } from './i18n/messages';

export type BookingText = {
  messages: ClientMessages;
  /** BCP 47 locale of the page's dates and numbers. */
  locale: string;
  weekStartsOn: WeekStart;
};

const TextContext = createContext<BookingText | null>(null);

const subscribe = () => () => {};

/**
 * The page's words and locale for the client components. The locale is the page language's
 * default on the server; in the browser, the candidate's own regional variant of that language
 * when they use one (en-GB writes "Thursday 5 March"), so dates read the way they expect.
 */
export function BookingTextProvider(props: {
  messages: ClientMessages;
  defaultLocale: string;
  weekStartsOn: WeekStart;
  children: ReactNode;
}) {
  const locale = useSyncExternalStore(
    subscribe,
    () => regionalVariant(props.defaultLocale),
    () => props.defaultLocale,
  );
  return (
    <TextContext value={{ messages: props.messages, locale, weekStartsOn: props.weekStartsOn }}>
      {props.children}
    </TextContext>
  );
}

export function useText(): BookingText {
  const text = useContext(TextContext);
  if (!text) throw new Error('useText() outside BookingTextProvider');
  return text;
}

function regionalVariant(defaultLocale: string): string {
  const language = defaultLocale.split('-')[0];
  const preferred = navigator.languages.find((tag) => tag.split('-')[0] === language);
  if (!preferred || !preferred.includes('-')) return defaultLocale;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([preferred])[0] ?? defaultLocale;
  } catch {
    return defaultLocale;
  }
}
