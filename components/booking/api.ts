import type { BookingInfo, BookingMeeting, Slots } from '@/lib/contracts/booking';

/** Calls of the public booking API (`/v1/booking/{token}`) from the booking page. */

export type Slot = Slots['slots'][number];

export class BookingApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'BookingApiError';
    this.status = status;
    this.code = code;
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    cache: 'no-store',
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new BookingApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `HTTP ${response.status}`,
    );
  }
  return body as T;
}

const base = (token: string) => `/v1/booking/${encodeURIComponent(token)}`;

export function fetchBooking(token: string): Promise<BookingInfo> {
  return request<BookingInfo>(base(token));
}

export function fetchSlots(
  token: string,
  range: { from: string; to: string; timezone: string },
  signal?: AbortSignal,
): Promise<Slots> {
  const query = new URLSearchParams(range).toString();
  return request<Slots>(`${base(token)}/slots?${query}`, signal ? { signal } : {});
}

export async function bookSlot(
  token: string,
  start: string,
  timezone: string,
): Promise<BookingMeeting> {
  const body = JSON.stringify({ start, timezone });
  return (await request<{ meeting: BookingMeeting }>(base(token), { method: 'POST', body }))
    .meeting;
}

export async function rescheduleBooking(
  token: string,
  start: string,
  timezone: string,
): Promise<BookingMeeting> {
  const body = JSON.stringify({ start, timezone });
  return (
    await request<{ meeting: BookingMeeting }>(`${base(token)}/reschedule`, {
      method: 'POST',
      body,
    })
  ).meeting;
}

export async function cancelBooking(token: string, reason: string): Promise<BookingMeeting> {
  const body = JSON.stringify(reason.trim() ? { reason: reason.trim() } : {});
  return (
    await request<{ meeting: BookingMeeting }>(`${base(token)}/cancel`, { method: 'POST', body })
  ).meeting;
}
