import { useEffect, useRef } from 'react';

/**
 * Moves focus to a view's heading when the view appeared because of the candidate's action (not on
 * page load), so keyboard and screen-reader users land on what changed.
 */
export function useFocusHeading<T extends HTMLElement>(shouldFocus: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shouldFocus) ref.current?.focus();
    // Only when the view mounts: later re-renders must not pull focus back.
  }, []);
  return ref;
}
