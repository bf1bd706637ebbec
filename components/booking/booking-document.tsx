import type { BookingInfo } from '@/lib/contracts/booking';
import { BookingApp, type BookingAppProps } from './booking-app';
import { BookingSummary } from './booking-summary';
import { ClosedView, closedStateOf } from './status-views';
import { ISLAND_ID, ISLAND_PROPS_ID } from './island-ids';
import styles from './booking.module.css';

export type BookingDocumentState =
  | { kind: 'page'; token: string; info: BookingInfo; now: number }
  | { kind: 'not-found' }
  | { kind: 'error' };

export type BookingDocumentProps = {
  state: BookingDocumentState;
  /** This response's CSP nonce: every script carries it. */
  nonce: string;
  /** URLs of the island's script and the page's stylesheet. */
  assets: { script: string; stylesheet: string };
};

/**
 * The whole hosted booking page as one HTML document. The server renders all of it; only the
 * picker (BookingApp) is hydrated in the browser, from the props embedded as JSON.
 */
export function BookingDocument({ state, nonce, assets }: BookingDocumentProps) {
  const title =
    state.kind === 'page'
      ? `Book: ${state.info.title}`
      : state.kind === 'not-found'
        ? 'Booking link not found'
        : 'Something went wrong';
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* A booking link is a private credential: keep its pages out of search engines. */}
        <meta name="robots" content="noindex, nofollow, nocache" />
        <meta name="referrer" content="strict-origin-when-cross-origin" />
        <title>{`${title} · Parley`}</title>
        <link rel="stylesheet" href={assets.stylesheet} />
        {state.kind === 'page' && closedStateOf(state.info) === null ? (
          // A module script runs once the document is parsed (never async: the island and its
          // props must exist by then).
          <script type="module" src={assets.script} nonce={nonce} />
        ) : null}
      </head>
      <body>
        <main className={styles.page}>
          <div className={styles.card}>
            {state.kind === 'page' ? <PageBody {...state} nonce={nonce} /> : null}
            {state.kind === 'not-found' ? <NotFoundBody /> : null}
            {state.kind === 'error' ? <ErrorBody /> : null}
          </div>
          <p className={styles.footer}>Scheduling by Parley</p>
        </main>
      </body>
    </html>
  );
}

function PageBody({ token, info, now, nonce }: BookingAppProps & { nonce: string }) {
  const props: BookingAppProps = { token, info, now };
  return (
    <>
      <BookingSummary info={info} />
      <div className={styles.main}>
        {closedStateOf(info) !== null ? (
          <ClosedView info={info} />
        ) : (
          <>
            <div id={ISLAND_ID}>
              <BookingApp {...props} />
            </div>
            <script
              type="application/json"
              id={ISLAND_PROPS_ID}
              nonce={nonce}
              dangerouslySetInnerHTML={{ __html: scriptSafeJson(props) }}
            />
          </>
        )}
      </div>
    </>
  );
}

function NotFoundBody() {
  return (
    <section
      className={styles.main}
      aria-labelledby="not-found-heading"
      data-testid="booking-not-found"
    >
      <h1 id="not-found-heading" className={styles.title}>
        Booking link not found
      </h1>
      <p className={styles.lead}>
        This link does not exist or is incomplete. Check that you copied the whole link from the
        message you received, or reply to that message to ask for a new one.
      </p>
    </section>
  );
}

function ErrorBody() {
  return (
    <section className={styles.main} aria-labelledby="error-heading">
      <h1 id="error-heading" className={styles.title}>
        Something went wrong
      </h1>
      <p className={styles.lead}>We could not load this booking page. Nothing was changed.</p>
      <a className={`${styles.button} ${styles.primary}`} href="">
        Try again
      </a>
    </section>
  );
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the two JavaScript line
 * separators are escaped, so no value (a candidate's name, a title) can close the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
