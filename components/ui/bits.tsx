import type { ReactNode } from 'react';
import styles from './ui.module.css';

export function PageHeader(props: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1 className={styles.pageTitle}>{props.title}</h1>
        {props.lead ? <p className={styles.pageLead}>{props.lead}</p> : null}
      </div>
      {props.actions ? <div className={styles.actions}>{props.actions}</div> : null}
    </div>
  );
}

export function Card(props: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`${styles.card} ${props.className ?? ''}`}>
      {props.title ? <h2 className={styles.cardTitle}>{props.title}</h2> : null}
      {props.children}
    </section>
  );
}

/** What to do next when a list is empty. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <h2 className={styles.emptyTitle}>{props.title}</h2>
      {props.children ? <p className={styles.emptyText}>{props.children}</p> : null}
      {props.action}
    </div>
  );
}

type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';
const toneClass: Record<Tone, string> = {
  neutral: '',
  good: styles.badgeGood!,
  warn: styles.badgeWarn!,
  bad: styles.badgeBad!,
  info: styles.badgeInfo!,
};

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`${styles.badge} ${toneClass[tone]}`}>{children}</span>;
}

/** A message about the page or the last action: `error` is announced, `success` politely. */
export function Notice(props: { tone?: 'info' | 'error' | 'success'; children: ReactNode }) {
  const tone = props.tone ?? 'info';
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={`${styles.notice} ${tone === 'error' ? styles.noticeError : tone === 'success' ? styles.noticeSuccess : ''}`}
    >
      {props.children}
    </p>
  );
}

export function Table(props: { caption: string; children: ReactNode }) {
  return (
    // Focusable and named, so a table wider than a phone can be scrolled from the keyboard.
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={props.caption}>
      <table className={styles.table}>
        <caption className={styles.srOnly}>{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}
