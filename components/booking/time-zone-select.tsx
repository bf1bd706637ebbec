'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { zoneLabel } from '@/lib/domain/time/zone-label';
import type * as ZoneSearchModule from '@/lib/domain/time/zone-search';
import type { ZoneOption } from '@/lib/domain/time/zone-search';
import { useText } from './booking-text';
import styles from './booking.module.css';

type Props = {
  /** The chosen zone (IANA). */
  value: string;
  onChange: (zone: string) => void;
  /** Names and local times are shown as they are at this instant (epoch ms). */
  now: number;
  hour12: boolean;
};

/** Options shown at once; the rest appear as the candidate types or scrolls to the end. */
const PAGE = 80;

type ZoneSearch = typeof ZoneSearchModule;
let zoneSearch: Promise<ZoneSearch> | undefined;

/**
 * The searchable list (every zone, its names in the page's language, countries, cities and
 * abbreviations) is a chunk of its own: the page shows the chosen zone without it, and loads it
 * only when the candidate goes for the box.
 */
function loadZoneSearch(): Promise<ZoneSearch> {
  zoneSearch ??= import('@/lib/domain/time/zone-search');
  return zoneSearch;
}

/**
 * A searchable list of every time zone (ARIA 1.2 combobox + listbox) with friendly names and the
 * local time there ("Central European Time — Berlin (15:22)"): type a city, a country, an
 * abbreviation (IST, PST, CET) or an offset (GMT+9); arrows move, Enter picks, Escape closes.
 */
export function TimeZoneSelect({ value, onChange, now, hour12 }: Props) {
  const { messages, locale } = useText();
  const id = useId();
  const listId = `${id}-list`;
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState(PAGE);
  const listRef = useRef<HTMLUListElement>(null);
  // The clock moves on while the page is open: local times are those of the moment it opened.
  const [openedAt, setOpenedAt] = useState(now);
  const [search, setSearch] = useState<ZoneSearch | null>(null);

  // The list's code is fetched as soon as the candidate shows an intent to use the box (hover,
  // focus, touch), so it has usually arrived by the time the list opens.
  const prepare = () => void loadZoneSearch().then(setSearch);

  const zones = useMemo(
    () =>
      isOpen && search
        ? search.listZoneOptions({ now: openedAt, locale, hour12, extra: [value] })
        : [],
    [isOpen, search, openedAt, locale, hour12, value],
  );
  const matches = useMemo(
    () => (search ? search.searchZones(zones, query) : []),
    [search, zones, query],
  );
  const visible = matches.slice(0, Math.max(shown, active + 1));
  const activeOption = isOpen ? matches[active] : undefined;
  const label = zoneLabel(value, { now: useMinuteClock(now), locale, hour12 });

  useEffect(() => {
    if (!isOpen) return;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [isOpen, active, matches]);

  const open = (fromQuery: string) => {
    const at = Date.now();
    setOpenedAt(at);
    setQuery(fromQuery);
    setActive(0);
    setShown(PAGE);
    setIsOpen(true);
    void loadZoneSearch().then((module) => {
      setSearch(module);
      // Opened with nothing typed: start on the chosen zone.
      if (fromQuery.trim()) return;
      const all = module.listZoneOptions({ now: at, locale, hour12, extra: [value] });
      const current = all.findIndex((z) => z.id === value);
      if (current >= 0) {
        setActive(current);
        setShown(Math.max(PAGE, current + 20));
      }
    });
  };

  const close = () => {
    setIsOpen(false);
    setQuery('');
  };

  const choose = (zone: ZoneOption) => {
    onChange(zone.id);
    close();
  };

  const move = (to: number) => setActive(Math.max(0, Math.min(to, matches.length - 1)));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) open('');
        else move(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (isOpen) move(active - 1);
        break;
      case 'PageDown':
        if (isOpen) {
          event.preventDefault();
          move(active + 8);
        }
        break;
      case 'PageUp':
        if (isOpen) {
          event.preventDefault();
          move(active - 8);
        }
        break;
      case 'Enter':
        if (isOpen) {
          event.preventDefault();
          if (activeOption) choose(activeOption);
        }
        break;
      case 'Escape':
        if (isOpen) {
          // Closing the list is this key's whole effect (the page must not also go back a step).
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {messages.timeZone}
      </label>
      <div className={styles.combo}>
        <input
          id={id}
          className={styles.input}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-opt-${active}` : undefined}
          placeholder={messages.timeZoneSearch}
          data-zone={value}
          value={isOpen ? query : label}
          onChange={(event) => {
            if (!isOpen) return open(event.target.value);
            setQuery(event.target.value);
            setActive(0);
            setShown(PAGE);
          }}
          onClick={() => {
            if (!isOpen) open('');
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          onFocus={prepare}
          onPointerEnter={prepare}
          onTouchStart={prepare}
        />
        <svg
          className={styles.comboIcon}
          width="20"
          height="20"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="m7 10 5 5 5-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        <ul
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label={messages.timeZoneList}
          className={styles.listbox}
          hidden={!isOpen}
          onScroll={(event) => {
            const list = event.currentTarget;
            if (list.scrollTop + list.clientHeight > list.scrollHeight - 200) {
              setShown((n) => (n < matches.length ? n + PAGE : n));
            }
          }}
        >
          {isOpen && !search ? (
            <li
              role="option"
              aria-disabled="true"
              aria-selected={false}
              className={styles.noOptions}
            >
              {messages.loadingZones}
            </li>
          ) : null}
          {isOpen && search && matches.length === 0 ? (
            <li
              role="option"
              aria-disabled="true"
              aria-selected={false}
              className={styles.noOptions}
            >
              {messages.noMatchingZone}
            </li>
          ) : null}
          {visible.map((zone, index) => (
            <li
              key={zone.id}
              id={`${id}-opt-${index}`}
              role="option"
              data-index={index}
              data-zone={zone.id}
              aria-selected={zone.id === value}
              className={`${styles.option} ${index === active ? styles.optionActive : ''}`}
              // Keeps focus in the input, so its blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(zone)}
            >
              <span className={styles.optionName}>{zone.label}</span>
              <span className={styles.optionMeta}>
                {[zone.country, zone.offsetLabel].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Epoch ms that moves on every minute after hydration (the render's `now` until then). */
function useMinuteClock(now: number): number {
  const [minute, setMinute] = useState(now);
  useEffect(() => {
    const tick = () => setMinute(Date.now());
    tick();
    const timer = window.setInterval(tick, 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return minute;
}
