/**
 * The booking page's client island: hydrates the picker the server rendered. Bundled on its own by
 * scripts/build-booking.ts (React, React Query and the picker only, no framework runtime).
 */
import '../theme.css';
import { hydrateRoot } from 'react-dom/client';
import { BookingApp, type BookingAppProps } from './booking-app';
import { ISLAND_ID, ISLAND_PROPS_ID } from './island-ids';

function hydrate(): void {
  const container = document.getElementById(ISLAND_ID);
  const json = document.getElementById(ISLAND_PROPS_ID)?.textContent;
  if (container && json) {
    hydrateRoot(container, <BookingApp {...(JSON.parse(json) as BookingAppProps)} />);
  }
}

// Module scripts run after parsing; should this one ever run earlier, wait for the document.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hydrate);
else hydrate();
