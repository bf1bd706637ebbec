'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Notice } from '@/components/ui/bits';
import type { TemplatePreview as Preview } from '@/lib/contracts/dashboard-templates';
import styles from './forms.module.css';

type Answer =
  | { ok: true; preview: Preview }
  | { ok: false; message: string; details: { path: string; message: string }[] };

/** The draft, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T12:00:00Z`));

/**
 * The starts the template being edited would offer this week, from the booking page's slot
 * engine on the server (the draft is not saved): by day, in the meeting's time zone.
 */
export function TemplatePreview({
  body,
  labelOf,
}: {
  body: string;
  labelOf: (path: string) => string;
}) {
  const settled = useSettled(body, 400);
  const query = useQuery({
    queryKey: ['template-preview', settled],
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    queryFn: async ({ signal }): Promise<Answer> => {
      const response = await fetch('/dashboard/templates/preview', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: settled,
        signal,
      });
      const json = (await response.json()) as
        Preview | { error: { message: string; details?: { path: string; message: string }[] } };
      if ('error' in json) {
        if (response.status === 400) {
          return { ok: false, message: json.error.message, details: json.error.details ?? [] };
        }
        throw new Error(json.error.message);
      }
      return { ok: true, preview: json };
    },
  });
  const answer = query.data;
  return (
    <section className={styles.section} aria-labelledby="preview-title" data-testid="preview">
      <h2 id="preview-title" className={styles.blockTitle}>
        Preview: starts offered this week
      </h2>
      <p className={styles.muted} aria-live="polite">
        {query.isFetching || settled !== body
          ? 'Updating…'
          : 'Up to date with the form (not saved).'}
      </p>
      {query.isError ? (
        <Notice tone="error">
          The preview could not be computed. Change a field to try again.
        </Notice>
      ) : null}
      {answer && !answer.ok ? (
        <div>
          <p className={styles.muted}>The preview waits for these fields:</p>
          <ul className={styles.summaryList}>
            {answer.details.slice(0, 5).map((d) => (
              <li key={d.path}>
                {labelOf(d.path)}: {d.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {answer?.ok ? <PreviewDays preview={answer.preview} /> : null}
    </section>
  );
}

function PreviewDays({ preview }: { preview: Preview }) {
  const range = `${dayLabel(preview.from)} – ${dayLabel(preview.to)}, ${preview.timezone}`;
  if (preview.count === 0) {
    return (
      <div data-testid="preview-empty">
        <p>
          <strong>No starts this week</strong> ({range}).
        </p>
        <ul className={styles.summaryList}>
          {preview.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div>
      <p className={styles.muted}>
        {preview.count} start{preview.count === 1 ? '' : 's'} of {preview.duration} minutes, {range}
        .
      </p>
      {preview.days.map((day) => (
        <div key={day.date} className={styles.previewDay} data-testid="preview-day">
          <h3>{dayLabel(day.date)}</h3>
          <ul className={styles.starts}>
            {day.starts.map((s) => (
              <li key={s.start}>
                <time dateTime={s.start}>{s.time}</time>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
