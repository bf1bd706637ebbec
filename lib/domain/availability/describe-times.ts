import type { AvailabilityLanguage } from './availability-words';
import type { WallTimeSlot } from './time-slots';

/**
 * Collected times as people read them, in their language: for the emails and the form (which
 * the browser loads, so it holds no more than the dates' locales).
 */
const locales: Record<AvailabilityLanguage, string> = {
  en: 'en-GB',
  es: 'es-ES',
  fr: 'fr-FR',
  de: 'de-DE',
  pt: 'pt-BR',
};

/**
 * When the times were saved, on the person's clock: "Fri 4 Dec, 08:10". The zone is explicit, so
 * the server's rendering and the browser's agree whatever the machine's own zone.
 */
export function describeSavedAt(
  iso: string,
  timezone: string,
  language: AvailabilityLanguage = 'en',
): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: timezone,
  })
    .format(new Date(iso))
    .replace(/^(\p{L}+),/u, '$1');
}

const dayFormats = new Map<AvailabilityLanguage, Intl.DateTimeFormat>();

/** "Mon 7 Dec" (English), "lun 7 dic" (Spanish), "Mo. 7. Dez." (German)… */
export function formatDay(date: string, language: AvailabilityLanguage): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    dayFormats.set(language, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`)).replace(',', '');
}

/** "Mon 7 Dec: 09:00–12:00, 14:00–17:00" lines, one per date. */
export function describeSlots(
  slots: WallTimeSlot[],
  language: AvailabilityLanguage = 'en',
): string[] {
  const byDate = new Map<string, string[]>();
  for (const slot of slots) {
    const list = byDate.get(slot.date) ?? [];
    list.push(`${slot.startTime}–${slot.endTime}`);
    byDate.set(slot.date, list);
  }
  return [...byDate].map(([date, ranges]) => `${formatDay(date, language)}: ${ranges.join(', ')}`);
}
