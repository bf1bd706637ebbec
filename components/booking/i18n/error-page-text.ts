/**
 * The words of the page's error boundary, which renders in the browser without the page's catalog
 * (it cannot know the link's language): English, and kept apart so the boundary ships only these.
 */
export const errorPageText = {
  errorTitle: 'Something went wrong',
  errorLead: 'We could not load this booking page. Nothing was changed.',
  tryAgain: 'Try again',
  footer: 'Scheduling by Parley',
};
