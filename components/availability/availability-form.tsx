'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ZoneSelect } from '@/components/dashboard/zone-select';
import { Button } from '@/components/ui/button';
import { fill, plural } from '@/components/booking/i18n/format-message';
import type { FormRefusal, ReadOutcome, SaveOutcome } from '@/lib/contracts/availability-form';
import type { Language } from '@/lib/contracts/common';
import {
  describeSavedAt,
  describeSlots,
  formatDay,
} from '@/lib/domain/availability/describe-times';
import { readCity } from '@/lib/domain/time/zone-label';
import type { WallTimeSlot } from '@/lib/domain/availability/time-slots';
import styles from './availability.module.css';
import type { AvailabilityFormText } from './form-text';

/** A refusal in the page's words. */
function refusalText(t: AvailabilityFormText, refusal: FormRefusal): string {
  if (refusal === 'link') return t.linkInvalid;
  return refusal === 'times' ? t.timesInvalid : t.noneFound;
}

type Props = {
  token: string;
  name: string;
  organizationName: string;
  timezone: string;
  dates: string[];
  saved: WallTimeSlot[];
  savedAt: string | null;
  waiting: number;
  save: (token: string, input: unknown) => Promise<SaveOutcome>;
  read: (token: string, input: unknown) => Promise<ReadOutcome>;
  language: Language;
  /** The page's words in `language` (form-text.ts). */
  text: AvailabilityFormText;
};

/** The grid: half hours from 08:00 to 20:00. */
const FIRST = 8 * 60;
const LAST = 20 * 60;
const STEP = 30;
const MINUTES = Array.from({ length: (LAST - FIRST) / STEP }, (_, i) => FIRST + i * STEP);

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const keyOf = (date: string, minute: number) => `${date}|${minute}`;

function cellsOf(slots: WallTimeSlot[], dates: string[]): Set<string> {
  const shown = new Set(dates);
  const cells = new Set<string>();
  for (const slot of slots) {
    if (!shown.has(slot.date)) continue;
    const end = minutesOf(slot.endTime);
    for (let m = Math.floor(minutesOf(slot.startTime) / STEP) * STEP; m < end; m += STEP)
      if (m >= FIRST && m < LAST) cells.add(keyOf(slot.date, m));
  }
  return cells;
}

function slotsOf(cells: Set<string>, dates: string[]): WallTimeSlot[] {
  const slots: WallTimeSlot[] = [];
  for (const date of dates) {
    let start: number | null = null;
    for (let m = FIRST; m <= LAST; m += STEP) {
      const on = m < LAST && cells.has(keyOf(date, m));
      if (on && start === null) start = m;
      if (!on && start !== null) {
        slots.push({ date, startTime: clock(start), endTime: clock(m) });
        start = null;
      }
    }
  }
  return slots;
}

/**
 * A hiring manager's free times (DESIGN §8): paint half hours on a week grid (drag with a mouse,
 * tap on a phone, arrows and Space with the keyboard), or type them as in a reply and let Parley
 * read them onto the grid; Save does what a reply does.
 */
export function AvailabilityForm(props: Props) {
  const { text: t, language } = props;
  const labelOf = (date: string) => formatDay(date, language);
  const [timezone, setTimezone] = useState(props.timezone);
  const [cells, setCells] = useState(() => cellsOf(props.saved, props.dates));
  const [week, setWeek] = useState(0);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState(props.savedAt);
  const zoneName = readCity(timezone);
  const [focus, setFocus] = useState<{ day: number; row: number }>({ day: 0, row: 2 });
  const painting = useRef<{ on: boolean } | null>(null);
  /** The click that follows a mouse press was already applied by the press. */
  const pressed = useRef(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const days = props.dates.slice(week * 7, week * 7 + 7);
  const slots = useMemo(() => slotsOf(cells, props.dates), [cells, props.dates]);

  const set = useCallback((key: string, on: boolean) => {
    setCells((current) => {
      if (current.has(key) === on) return current;
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  useEffect(() => {
    const stop = () => {
      painting.current = null;
    };
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, []);

  const move = (event: KeyboardEvent<HTMLButtonElement>, day: number, row: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      Home: [-day, 0],
      End: [days.length - 1 - day, 0],
    };
    const delta = moves[event.key];
    if (!delta) return;
    event.preventDefault();
    const next = {
      day: Math.min(days.length - 1, Math.max(0, day + delta[0])),
      row: Math.min(MINUTES.length - 1, Math.max(0, row + delta[1])),
    };
    setFocus(next);
    buttons.current.get(keyOf(days[next.day]!, MINUTES[next.row]!))?.focus();
  };

  async function onRead() {
    setBusy(true);
    const outcome = await props.read(props.token, { text: typed, timezone });
    setBusy(false);
    if (!outcome.ok) return setNotice({ tone: 'error', text: refusalText(t, outcome.refusal) });
    if (outcome.timeSlots.length === 0) return setNotice({ tone: 'error', text: t.noneFound });
    setTimezone(outcome.timezone);
    setCells(cellsOf(outcome.timeSlots, props.dates));
    setNotice({
      tone: 'ok',
      text:
        t.marked +
        (outcome.unparsed.length
          ? ` ${fill(t.notUnderstood, { parts: outcome.unparsed.join('; ') })}`
          : ''),
    });
  }

  async function onSave() {
    setBusy(true);
    const outcome = await props.save(props.token, { timezone, timeSlots: slots });
    setBusy(false);
    if (!outcome.ok) return setNotice({ tone: 'error', text: refusalText(t, outcome.refusal) });
    setSavedAt(outcome.savedAt);
    setNotice({
      tone: 'ok',
      text: `${t.saved} ${
        outcome.released > 0 ? plural(t.released, outcome.released, t.locale) : t.offered
      }`,
    });
  }

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <header className={styles.header}>
          <p className={styles.eyebrow}>
            {fill(t.eyebrow, { organization: props.organizationName })}
          </p>
          <h1 className={styles.title}>{fill(t.title, { name: props.name.split(' ')[0]! })}</h1>
          <p className={styles.lead}>
            {props.waiting > 0 ? `${plural(t.waiting, props.waiting, t.locale)} ` : ''}
            {t.lead}
          </p>
        </header>

        <div className={styles.zone}>
          <ZoneSelect
            id="availability-zone"
            label={t.zoneLabel}
            hint={t.zoneHint}
            searchLabel={t.zoneSearchLabel}
            searchPlaceholder={t.zoneSearch}
            locale={language === 'en' ? 'en-US' : t.locale}
            value={timezone}
            onChange={setTimezone}
          />
        </div>

        <section aria-labelledby="grid-heading" className={styles.section}>
          <div className={styles.gridBar}>
            <h2 id="grid-heading" className={styles.subtitle}>
              {week === 0 ? t.thisWeek : t.nextWeek}
            </h2>
            <div className={styles.weekButtons}>
              <Button size="small" disabled={week === 0} onClick={() => setWeek(0)}>
                {t.previousButton}
              </Button>
              <Button size="small" disabled={week === 1} onClick={() => setWeek(1)}>
                {t.nextButton}
              </Button>
            </div>
          </div>
          <p className={styles.hint} id="grid-hint">
            {t.gridHint}
          </p>
          <table className={styles.grid} aria-describedby="grid-hint">
            <thead>
              <tr>
                <th scope="col" className={styles.corner}>
                  <span className={styles.srOnly}>{t.time}</span>
                </th>
                {days.map((date) => (
                  <th scope="col" key={date} className={styles.dayHead}>
                    {labelOf(date)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody
              onPointerMove={(event) => {
                if (!painting.current || event.pointerType === 'touch') return;
                const target = document.elementFromPoint(event.clientX, event.clientY);
                const key = (target as HTMLElement | null)?.dataset?.cell;
                if (key) set(key, painting.current.on);
              }}
            >
              {MINUTES.map((minute, row) => (
                <tr key={minute}>
                  <th scope="row" className={styles.timeHead}>
                    {minute % 60 === 0 ? (
                      clock(minute)
                    ) : (
                      <span className={styles.srOnly}>{clock(minute)}</span>
                    )}
                  </th>
                  {days.map((date, day) => {
                    const key = keyOf(date, minute);
                    const on = cells.has(key);
                    return (
                      <td key={key} className={styles.cellBox}>
                        <button
                          type="button"
                          data-cell={key}
                          ref={(el) => {
                            if (el) buttons.current.set(key, el);
                            else buttons.current.delete(key);
                          }}
                          className={`${styles.cell} ${on ? styles.on : ''} ${minute % 60 === 0 ? styles.hour : ''}`}
                          aria-pressed={on}
                          aria-label={`${labelOf(date)} ${clock(minute)}–${clock(minute + STEP)}`}
                          tabIndex={focus.day === day && focus.row === row ? 0 : -1}
                          onFocus={() => setFocus({ day, row })}
                          onKeyDown={(event) => move(event, day, row)}
                          onPointerDown={(event) => {
                            if (event.pointerType === 'touch') return;
                            event.preventDefault();
                            painting.current = { on: !on };
                            pressed.current = true;
                            set(key, !on);
                          }}
                          onClick={() => {
                            // Mouse and pen paint on pointer down; taps and the keyboard toggle here.
                            if (pressed.current) pressed.current = false;
                            else set(key, !on);
                          }}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="type-heading" className={styles.section}>
          <h2 id="type-heading" className={styles.subtitle}>
            {t.typeHeading}
          </h2>
          <label className={styles.hint} htmlFor="availability-text">
            {t.typeHint}
          </label>
          <textarea
            id="availability-text"
            className={styles.text}
            rows={3}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <Button disabled={busy || typed.trim() === ''} onClick={() => void onRead()}>
            {t.readButton}
          </Button>
        </section>

        <section aria-labelledby="summary-heading" className={styles.section}>
          <h2 id="summary-heading" className={styles.subtitle}>
            {fill(t.summaryHeading, { zone: zoneName })}
          </h2>
          {slots.length === 0 ? (
            <p className={styles.hint}>{t.nothing}</p>
          ) : (
            <ul className={styles.summary}>
              {describeSlots(slots, language).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          {savedAt ? (
            <p className={styles.hint}>
              {fill(t.lastSaved, {
                when: describeSavedAt(savedAt, timezone, language),
                zone: zoneName,
              })}
            </p>
          ) : null}
          <div role="status" aria-live="polite" className={styles.status}>
            {notice ? (
              <p className={notice.tone === 'ok' ? styles.ok : styles.error}>{notice.text}</p>
            ) : null}
          </div>
          <Button variant="primary" disabled={busy} onClick={() => void onSave()}>
            {t.save}
          </Button>
        </section>
      </div>
      <p className={styles.footer}>{t.footer}</p>
    </main>
  );
}
