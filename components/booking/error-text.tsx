'use client';

import { createContext, useContext } from 'react';
import { errorPageText, type ErrorPageText } from './i18n/error-page-text';

const ErrorTextContext = createContext<ErrorPageText>(errorPageText);

/**
 * Gives the booking page's error boundary its words in the page's language: the boundary sits
 * below the layout, which knows the language, but gets no props from it.
 */
export function ErrorTextProvider({
  text,
  children,
}: {
  text: ErrorPageText;
  children: React.ReactNode;
}) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>;
}

export function useErrorText(): ErrorPageText {
  return useContext(ErrorTextContext);
}
