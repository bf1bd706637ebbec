'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { Field } from '@/components/ui/field';
import { listZoneOptions, searchZones, type ZoneOption } from '@/lib/domain/time/zone-search';
import styles from './forms.module.css';

/** Options shown at once: the search narrows the rest. */
const SHOWN = 60;

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** The words around the picker, for pages in another language than the dashboard's English. */
  hint?: string;
  searchLabel?: string;
  searchPlaceholder?: string;
  /** The zone names' language and clock (en-US, 12-hour, by default). */
  locale?: string;
};

/**
 * A time zone picker: a search box (city, country, abbreviation such as CET or PST, or an offset
 * such as GMT+9, with the booking page's zone search) narrowing a select of friendly names with
 * the local time there. The zone list is built in the browser, for its clock.
 */
export function ZoneSelect({ id, label, value, onChange, error, disabled, ...words }: Props) {
  const locale = words.locale ?? 'en-US';
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [zones, setZones] = useState<ZoneOption[] | null>(null);
  useEffect(() => {
    setZones(
      listZoneOptions({ now: Date.now(), locale, hour12: locale === 'en-US', extra: [value] }),
    );
    // Built once per page view; a zone typed elsewhere is still shown through `extra` below.
  }, []);
  const options = useMemo(() => {
    if (!zones) return [];
    const found = query.trim() ? searchZones(zones, query) : zones;
    const shown = found.slice(0, query.trim() ? SHOWN : found.length);
    return shown.some((z) => z.id === value)
      ? shown
      : [...zones.filter((z) => z.id === value), ...shown];
  }, [zones, query, value]);
  return (
    <div className={styles.zoneFilter}>
      <Field id={id} label={label} error={error} hint={words.hint ?? 'Search to narrow the list.'}>
        {(control) => (
          <select
            {...control}
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
          >
            {options.length === 0 ? <option value={value}>{value}</option> : null}
            {options.map((z) => (
              <option key={z.id} value={z.id}>
                {z.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {disabled ? null : (
        <input
          id={searchId}
          type="search"
          className={styles.zoneSearch}
          aria-label={words.searchLabel ?? `Search for ${label.toLowerCase()}`}
          placeholder={words.searchPlaceholder ?? 'Search: city, country, CET, GMT+9'}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const first =
              zones && e.target.value.trim() ? searchZones(zones, e.target.value)[0] : null;
            if (first) onChange(first.id);
          }}
        />
      )}
    </div>
  );
}
