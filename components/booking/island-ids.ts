/** The element the booking page's client island hydrates, and the JSON element holding its props. */
export const ISLAND_ID = 'booking-app';
export const ISLAND_PROPS_ID = 'booking-app-props';
