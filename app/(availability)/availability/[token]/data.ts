import 'server-only';
import { cache } from 'react';
import { loadAvailabilityPage } from '@/lib/server/services/availability/load-availability-page';

/** Once per request: the document's language, the title and the page read the same data. */
export const loadPage = cache((token: string) => loadAvailabilityPage(token));
