/**
 * The words of the page's error boundary, which renders without the page's catalog: the layout
 * hands it these few in the page's language (error-text.tsx); English is also where the other
 * catalogs start from.
 */
export const errorPageText = {
  errorTitle: 'Something went wrong',
  errorLead: 'We could not load this booking page. Nothing was changed.',
  tryAgain: 'Try again',
  footer: 'Scheduling by Parley',
};

export type ErrorPageText = typeof errorPageText;

/** The error boundary's words out of a whole catalog. */
export function errorPageTextOf(messages: ErrorPageText): ErrorPageText {
  const { errorTitle, errorLead, tryAgain, footer } = messages;
  return { errorTitle, errorLead, tryAgain, footer };
}
