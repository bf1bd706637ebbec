import type { BookingInfo } from '@/lib/contracts/booking';
import type { WeekStart } from '@/lib/domain/time/calendar-date';
import { BookingApp } from './booking-app';
import { BookingSummary } from './booking-summary';
import { BookingTextProvider } from './booking-text';
import { fill } from './i18n/format-message';
import type { ClientMessages, Messages } from './i18n/messages';
import { headingOf, pageStateOf } from './page-state';
import { PageFrame } from './page-frame';
import type { InitialSlots } from './scheduler';
import styles from './booking.module.css';

export type BookingPageProps = {
  token: string;
  info: BookingInfo;
  initialSlots: InitialSlots | null;
  /** Epoch ms of the render. */
  now: number;
  messages: Messages;
  /** The part of `messages` the picker uses in the browser. */
  clientMessages: ClientMessages;
  locale: string;
  weekStartsOn: WeekStart;
};

/**
 * The hosted booking page: the summary (server-rendered only) and the picker, whose first weeks of
 * open days and times are in the HTML already; the picker hydrates as a client component.
 */
export function BookingPage(props: BookingPageProps) {
  const { info, messages, locale } = props;
  return (
    <PageFrame messages={messages}>
      {/* React puts it in the document's head. */}
      <title>{fill(messages.documentTitle, { heading: headingOf(info, messages) })}</title>
      <BookingSummary info={info} messages={messages} locale={locale} />
      <div className={styles.main}>
        {pageStateOf(info, info.meeting) === 'pick' ? (
          <noscript>
            <p className={styles.notice} data-testid="no-script">
              {messages.noScript}
            </p>
          </noscript>
        ) : null}
        <BookingTextProvider
          messages={props.clientMessages}
          defaultLocale={locale}
          weekStartsOn={props.weekStartsOn}
        >
          <BookingApp
            token={props.token}
            info={info}
            initialSlots={props.initialSlots}
            now={props.now}
          />
        </BookingTextProvider>
      </div>
    </PageFrame>
  );
}
