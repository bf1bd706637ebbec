import { useEffect, useRef } from 'react';

/**
 * Moves focus to a view's heading when the view appeared because of the candidate's action (not on
 * page load), so keyboard and screen-reader users land on what changed. With `scroll: false` the
 * page stays where it is (a view that scrolled its own content into sight keeps it there).
 */
export function useFocusHeading<T extends HTMLElement>(shouldFocus: boolean, scroll = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const heading = ref.current;
    if (!shouldFocus || !heading) return;
    heading.focus({ preventScroll: true });
    if (!scroll) return;
    const box = heading.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) heading.scrollIntoView({ block: 'start' });
    // Only when the view mounts: later re-renders must not pull focus back.
  }, []);
  return ref;
}
