'use client';

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { filterZones, listZones, zoneLabel } from './format';
import styles from './booking.module.css';

type Props = {
  /** The chosen zone; null until the browser's is known. */
  value: string | null;
  onChange: (zone: string) => void;
  /** Offsets are shown as they are at this instant (epoch ms). */
  now: number;
};

/**
 * A searchable list of every IANA zone with its current offset (ARIA 1.2 combobox + listbox):
 * type to filter by city, region, offset or zone name; arrows move, Enter picks, Escape closes.
 */
export function TimeZoneSelect({ value, onChange, now }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [isOpen, setIsOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const zones = useMemo(
    () => (isOpen ? listZones(now, value ? [value] : []) : []),
    [isOpen, now, value],
  );
  const matches = useMemo(() => filterZones(zones, query), [zones, query]);
  const activeOption = isOpen ? matches[active] : undefined;

  useEffect(() => {
    if (!isOpen) return;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [isOpen, active, matches]);

  const open = (fromQuery: string) => {
    const list = listZones(now, value ? [value] : []);
    const shown = filterZones(list, fromQuery);
    const current = shown.findIndex((z) => z.id === value);
    setQuery(fromQuery);
    setActive(current >= 0 && !fromQuery ? current : 0);
    setIsOpen(true);
  };

  const close = () => {
    setIsOpen(false);
    setQuery('');
  };

  const choose = (zone: string) => {
    onChange(zone);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen) open('');
        else setActive((i) => Math.min(i + 1, matches.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (isOpen) setActive((i) => Math.max(i - 1, 0));
        break;
      case 'PageDown':
        if (isOpen) {
          event.preventDefault();
          setActive((i) => Math.min(i + 8, matches.length - 1));
        }
        break;
      case 'PageUp':
        if (isOpen) {
          event.preventDefault();
          setActive((i) => Math.max(i - 8, 0));
        }
        break;
      case 'Enter':
        if (isOpen) {
          event.preventDefault();
          if (activeOption) choose(activeOption.id);
        }
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
    }
  };

  const shownValue = isOpen ? query : value ? zoneLabel(value, now) : '';

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        Time zone
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
          aria-busy={value === null}
          placeholder={value === null ? 'Detecting your time zone…' : 'Search by city or zone'}
          value={shownValue}
          onChange={(event) => {
            if (!isOpen) return open(event.target.value);
            setQuery(event.target.value);
            setActive(0);
          }}
          onClick={() => {
            if (!isOpen) open('');
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
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
          aria-label="Time zones"
          className={styles.listbox}
          hidden={!isOpen}
        >
          {isOpen && matches.length === 0 ? (
            <li
              role="option"
              aria-disabled="true"
              aria-selected={false}
              className={styles.noOptions}
            >
              No matching time zone
            </li>
          ) : null}
          {matches.map((zone, index) => (
            <li
              key={zone.id}
              id={`${id}-opt-${index}`}
              role="option"
              data-index={index}
              aria-selected={zone.id === value}
              className={`${styles.option} ${index === active ? styles.optionActive : ''}`}
              // Keeps focus in the input, so its blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(zone.id)}
            >
              {zone.label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
