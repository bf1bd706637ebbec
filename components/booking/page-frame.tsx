import type { Messages } from './i18n/messages';
import styles from './booking.module.css';

/** The card every booking page state sits in, with the footer. */
export function PageFrame({
  messages,
  single = false,
  children,
}: {
  messages: Pick<Messages, 'footer'>;
  /** One column (not found, error): the card is narrow and centred at every width. */
  single?: boolean;
  children: React.ReactNode;
}) {
  return (
    <main className={styles.page}>
      <div className={`${styles.card} ${single ? styles.cardSingle : ''}`}>{children}</div>
      <p className={styles.footer}>{messages.footer}</p>
    </main>
  );
}
