'use client';

import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { BookingInfo } from '@/lib/contracts/booking';
import type { Meeting } from '@/lib/contracts/meeting-record';
import {
  BookingApiError,
  bookSlot,
  cancelBooking,
  fetchBooking,
  rescheduleBooking,
  type Slot,
} from './api';
import { BookedView } from './booked-view';
import { CancelledView, CancelStep } from './cancel-step';
import { ConfirmStep } from './confirm-step';
import { PickView } from './pick-view';
import type { PickerState } from './scheduler';
import { slotsKey } from './scheduler';
import { ClosedView, closedStateOf } from './status-views';
import { useBrowser12Hour, useBrowserZone } from './use-browser-prefs';

export type BookingAppProps = {
  token: string;
  info: BookingInfo;
  /** Epoch ms when the page was rendered. */
  now: number;
};

type Mode = 'book' | 'reschedule';
export type Notice = { tone: 'info' | 'error'; text: string };

type View =
  | { kind: 'pick'; mode: Mode; notice: Notice | null }
  | { kind: 'confirm'; mode: Mode; slot: Slot }
  | { kind: 'booked'; change: 'booked' | 'rescheduled' | null }
  | { kind: 'cancel' }
  | { kind: 'cancelled' }
  | { kind: 'closed' };

const SLOT_TAKEN =
  'Sorry, that time was just taken. The open times have been refreshed: please pick another one.';
const GENERIC = 'Something went wrong and nothing was changed. Please try again.';

function viewFor(info: BookingInfo, meeting: Meeting | null, notice: Notice | null = null): View {
  if (meeting?.status === 'SCHEDULED') return { kind: 'booked', change: null };
  if (closedStateOf({ ...info, meeting }) !== null) return { kind: 'closed' };
  if (meeting?.status === 'CANCELLED' && !notice) {
    notice = {
      tone: 'info',
      text: 'You cancelled your previous interview. Pick a new time below.',
    };
  }
  return { kind: 'pick', mode: 'book', notice };
}

/** The interactive part of the booking page: pick, confirm, booked, reschedule, cancel. */
export function BookingApp(props: BookingAppProps) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: true } },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <BookingFlow {...props} />
    </QueryClientProvider>
  );
}

function BookingFlow({ token, info: initialInfo, now }: BookingAppProps) {
  const queryClient = useQueryClient();
  const browserZone = useBrowserZone();
  const browser12 = useBrowser12Hour();
  const [zoneChoice, setZoneChoice] = useState<string | null>(null);
  const [hourChoice, setHourChoice] = useState<boolean | null>(null);
  const zone = zoneChoice ?? browserZone;
  const hour12 = hourChoice ?? browser12;

  const [info, setInfo] = useState(initialInfo);
  const [meeting, setMeeting] = useState(initialInfo.meeting);
  const [view, setView] = useState<View>(() => viewFor(initialInfo, initialInfo.meeting));
  const [hasActed, setHasActed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [picker, setPicker] = useState<PickerState>({
    month: null,
    selected: null,
    navigated: false,
  });

  const go = useCallback((next: View) => {
    setHasActed(true);
    setError(null);
    setView(next);
  }, []);

  const refreshSlots = () => void queryClient.invalidateQueries({ queryKey: slotsKey(token) });

  /** After a 409 conflict or 404 the page's picture is out of date: reload it from the server. */
  const reload = async (notice: Notice) => {
    try {
      const fresh = await fetchBooking(token);
      setInfo(fresh);
      setMeeting(fresh.meeting);
      go(viewFor(fresh, fresh.meeting, notice));
    } catch {
      setError(GENERIC);
    }
  };

  const confirm = useMutation({
    mutationFn: ({ mode, slot }: { mode: Mode; slot: Slot }) =>
      mode === 'book'
        ? bookSlot(token, slot.start, zone ?? info.timezone)
        : rescheduleBooking(token, slot.start),
    onSuccess: (updated, { mode }) => {
      setMeeting(updated);
      refreshSlots();
      go({ kind: 'booked', change: mode === 'book' ? 'booked' : 'rescheduled' });
    },
    onError: (failure, { mode }) => {
      if (failure instanceof BookingApiError && failure.code === 'slot_unavailable') {
        refreshSlots();
        go({ kind: 'pick', mode, notice: { tone: 'error', text: SLOT_TAKEN } });
      } else if (
        failure instanceof BookingApiError &&
        (failure.status === 409 || failure.status === 404)
      ) {
        refreshSlots();
        void reload({
          tone: 'error',
          text: 'This booking changed in the meantime; here is where it stands now.',
        });
      } else {
        setError(GENERIC);
      }
    },
  });

  const cancel = useMutation({
    mutationFn: (reason: string) => cancelBooking(token, reason),
    onSuccess: (updated) => {
      setMeeting(updated);
      setInfo((current) => ({ ...current, canBook: true, meeting: updated }));
      refreshSlots();
      go({ kind: 'cancelled' });
    },
    onError: (failure) => {
      if (
        failure instanceof BookingApiError &&
        (failure.status === 409 || failure.status === 404)
      ) {
        void reload({
          tone: 'error',
          text: 'This booking changed in the meantime; here is where it stands now.',
        });
      } else {
        setError(GENERIC);
      }
    },
  });

  switch (view.kind) {
    case 'pick':
      return (
        <PickView
          token={token}
          info={info}
          mode={view.mode}
          notice={view.notice}
          zone={zone}
          onZoneChange={setZoneChoice}
          hour12={hour12}
          onHour12Change={setHourChoice}
          now={now}
          picker={picker}
          onPickerChange={setPicker}
          currentMeeting={view.mode === 'reschedule' ? meeting : null}
          autoFocus={hasActed}
          onPick={(slot) => go({ kind: 'confirm', mode: view.mode, slot })}
          onKeepCurrent={() => go({ kind: 'booked', change: null })}
        />
      );
    case 'confirm':
      return (
        <ConfirmStep
          mode={view.mode}
          slot={view.slot}
          zone={zone ?? info.timezone}
          hour12={hour12}
          info={info}
          previousStart={view.mode === 'reschedule' ? (meeting?.startDateTime ?? null) : null}
          isPending={confirm.isPending}
          error={error}
          autoFocus={hasActed}
          onConfirm={() => {
            setError(null);
            confirm.mutate({ mode: view.mode, slot: view.slot });
          }}
          onBack={() => go({ kind: 'pick', mode: view.mode, notice: null })}
        />
      );
    case 'booked':
      return meeting ? (
        <BookedView
          token={token}
          meeting={meeting}
          info={info}
          zone={zone}
          hour12={hour12}
          change={view.change}
          isPast={Date.parse(meeting.endDateTime) < now}
          autoFocus={hasActed}
          onReschedule={() => go({ kind: 'pick', mode: 'reschedule', notice: null })}
          onCancel={() => go({ kind: 'cancel' })}
        />
      ) : null;
    case 'cancel':
      return meeting ? (
        <CancelStep
          meeting={meeting}
          info={info}
          zone={zone}
          hour12={hour12}
          isPending={cancel.isPending}
          error={error}
          autoFocus={hasActed}
          onConfirm={(reason) => {
            setError(null);
            cancel.mutate(reason);
          }}
          onBack={() => go({ kind: 'booked', change: null })}
        />
      ) : null;
    case 'cancelled':
      return (
        <CancelledView
          info={info}
          canBook={info.canBook}
          autoFocus={hasActed}
          onPickNew={() => go({ kind: 'pick', mode: 'book', notice: null })}
        />
      );
    case 'closed':
      return <ClosedView info={{ ...info, meeting }} />;
  }
}
