'use client';

import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { BookingInfo, BookingMeeting } from '@/lib/contracts/booking';
import {
  BookingApiError,
  bookSlot,
  cancelBooking,
  fetchBooking,
  rescheduleBooking,
  type Slot,
} from './api';
import { BookedView } from './booked-view';
import { useText } from './booking-text';
import { CancelledView, CancelStep } from './cancel-step';
import { ConfirmStep } from './confirm-step';
import { monthOf } from '@/lib/domain/time/calendar-date';
import { browserPrefers12Hour, browserZone, dateInZone } from './format';
import { pageStateOf } from './page-state';
import { PickView, type Notice } from './pick-view';
import { slotsKey, type InitialSlots, type PickerState } from './scheduler';
import { StatusView } from './status-views';
import { useStepHistory, type Step } from './use-step-history';

export type BookingAppProps = {
  token: string;
  info: BookingInfo;
  initialSlots: InitialSlots | null;
  /** Epoch ms when the page was rendered. */
  now: number;
};

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

const subscribe = () => () => {};

/**
 * A browser value that the server cannot know: the server (and hydration) render `serverValue`,
 * the browser then re-renders with its own, so the first HTML already shows real times.
 */
function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(subscribe, read, () => serverValue);
}

type Change = 'booked' | 'rescheduled' | 'cancelled' | null;

function BookingFlow({ token, info: initialInfo, initialSlots, now }: BookingAppProps) {
  const queryClient = useQueryClient();
  const { messages, locale } = useText();
  const { step: urlStep, push, back, finish } = useStepHistory();
  const [info, setInfo] = useState(initialInfo);
  const [meeting, setMeeting] = useState<BookingMeeting | null>(initialInfo.meeting);
  const [change, setChange] = useState<Change>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The page's own open times are right until the first change made here.
  const [pageSlots, setPageSlots] = useState(initialSlots);
  // Until the URL is back at the base view after a finished step, show the base view.
  const [isFinishing, setIsFinishing] = useState(false);
  const [picker, setPicker] = useState<PickerState>({
    month: null,
    selected: null,
    navigated: false,
  });

  // The zone the candidate booked in, else the browser's; the server renders the meeting's.
  const detectedZone = useBrowserValue(browserZone, info.candidateTimezone ?? info.timezone);
  const [zoneChoice, setZoneChoice] = useState<string | null>(null);
  const zone = zoneChoice ?? info.candidateTimezone ?? detectedZone;
  const detected12 = useBrowserValue(browserPrefers12Hour, locale.startsWith('en'));
  const [hourChoice, setHourChoice] = useState<boolean | null>(null);
  const hour12 = hourChoice ?? detected12;

  const step: Step = isFinishing ? { kind: 'base' } : urlStep;
  useEffect(() => {
    if (isFinishing && urlStep.kind === 'base') setIsFinishing(false);
  }, [isFinishing, urlStep.kind]);

  // Headings take the focus when a view appears because of the candidate (not on page load).
  const firstStep = useRef(urlStep.kind);
  const [hasActed, setHasActed] = useState(false);
  const autoFocus = hasActed || urlStep.kind !== firstStep.current;

  const goTo = (next: Step) => {
    setHasActed(true);
    setError(null);
    push(next);
  };
  const goBack = () => {
    setHasActed(true);
    setError(null);
    back();
  };
  const completeStep = (next: Change) => {
    setHasActed(true);
    setChange(next);
    setIsFinishing(true);
    finish();
  };

  const state = pageStateOf(info, meeting);
  const isStep = step.kind !== 'base';

  // Escape goes back from a step, as Back does (unless a control such as the zone list used it).
  useEffect(() => {
    if (!isStep) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setHasActed(true);
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [isStep, back]);

  const refreshSlots = () => {
    setPageSlots(null);
    void queryClient.invalidateQueries({ queryKey: slotsKey(token) });
  };

  /** After a 409 conflict or 404 the page's picture is out of date: reload it from the server. */
  const reload = async () => {
    try {
      const fresh = await fetchBooking(token);
      setInfo(fresh);
      setMeeting(fresh.meeting);
      setNotice({ tone: 'error', text: messages.changedMeanwhile });
      completeStep(null);
    } catch {
      setError(messages.genericError);
    }
  };

  const onBookingError = (failure: unknown) => {
    if (failure instanceof BookingApiError && failure.code === 'slot_unavailable') {
      refreshSlots();
      setNotice({ tone: 'error', text: messages.slotTaken });
      goBack();
    } else if (
      failure instanceof BookingApiError &&
      (failure.status === 409 || failure.status === 404)
    ) {
      refreshSlots();
      void reload();
    } else {
      setError(messages.genericError);
    }
  };

  const confirm = useMutation({
    mutationFn: ({ mode, start }: { mode: 'book' | 'reschedule'; start: string }) =>
      mode === 'book' ? bookSlot(token, start, zone) : rescheduleBooking(token, start, zone),
    onSuccess: (updated, { mode }) => {
      setMeeting(updated);
      setInfo((current) => ({
        ...current,
        canBook: false,
        schedulingStatus: 'SCHEDULED',
        candidateTimezone: zone,
        meeting: updated,
      }));
      setNotice(null);
      refreshSlots();
      completeStep(mode === 'book' ? 'booked' : 'rescheduled');
    },
    onError: onBookingError,
  });

  const cancel = useMutation({
    mutationFn: (reason: string) => cancelBooking(token, reason),
    onSuccess: (updated) => {
      setMeeting(updated);
      setInfo((current) => ({
        ...current,
        canBook: true,
        schedulingStatus: 'CANCELLED',
        meeting: updated,
      }));
      refreshSlots();
      completeStep('cancelled');
    },
    onError: (failure) => {
      if (
        failure instanceof BookingApiError &&
        (failure.status === 409 || failure.status === 404)
      ) {
        void reload();
      } else {
        setError(messages.genericError);
      }
    },
  });

  const slotAt = (start: string): Slot => ({
    start,
    end: new Date(Date.parse(start) + info.duration * 60_000).toISOString(),
  });

  if (state !== 'pick' && state !== 'booked') {
    return <StatusView state={state} info={info} messages={messages} />;
  }

  const pickView = (mode: 'book' | 'reschedule') => (
    <PickView
      token={token}
      info={info}
      mode={mode}
      notice={
        notice ??
        (mode === 'book' && meeting?.status === 'CANCELLED'
          ? { tone: 'info', text: messages.cancelledPrevious }
          : null)
      }
      zone={zone}
      onZoneChange={setZoneChoice}
      hour12={hour12}
      onHour12Change={setHourChoice}
      now={now}
      initialSlots={pageSlots}
      picker={picker}
      onPickerChange={setPicker}
      currentMeeting={mode === 'reschedule' ? meeting : null}
      autoFocus={autoFocus}
      onPick={(ms) => {
        const start = new Date(ms).toISOString();
        setNotice(null);
        goTo(mode === 'book' ? { kind: 'confirm', start } : { kind: 'reschedule-confirm', start });
      }}
      onKeepCurrent={goBack}
    />
  );

  const confirmStep = (mode: 'book' | 'reschedule', start: string) => (
    <ConfirmStep
      mode={mode}
      slot={slotAt(start)}
      zone={zone}
      hour12={hour12}
      info={info}
      previousStart={mode === 'reschedule' ? (meeting?.startDateTime ?? null) : null}
      isPending={confirm.isPending}
      error={error}
      autoFocus={autoFocus}
      onConfirm={() => {
        setError(null);
        confirm.mutate({ mode, start });
      }}
      onBack={goBack}
    />
  );

  if (state === 'pick') {
    if (step.kind === 'confirm') return confirmStep('book', step.start);
    if (change === 'cancelled' && step.kind === 'base') {
      return (
        <CancelledView
          info={info}
          canBook={info.canBook}
          autoFocus={autoFocus}
          onPickNew={() => {
            setHasActed(true);
            setChange(null);
          }}
        />
      );
    }
    return pickView('book');
  }

  // A meeting is booked.
  const booked = meeting!;
  if (step.kind === 'reschedule') return pickView('reschedule');
  if (step.kind === 'reschedule-confirm') return confirmStep('reschedule', step.start);
  if (step.kind === 'cancel') {
    return (
      <CancelStep
        meeting={booked}
        info={info}
        zone={zone}
        hour12={hour12}
        isPending={cancel.isPending}
        error={error}
        autoFocus={autoFocus}
        onConfirm={(reason) => {
          setError(null);
          cancel.mutate(reason);
        }}
        onBack={goBack}
      />
    );
  }
  return (
    <BookedView
      token={token}
      meeting={booked}
      info={info}
      zone={zone}
      hour12={hour12}
      change={change === 'booked' || change === 'rescheduled' ? change : null}
      isPast={Date.parse(booked.endDateTime) < now}
      autoFocus={autoFocus}
      onReschedule={() => {
        // Open on the booked day: moving an interview is most often to a nearby time.
        const day = dateInZone(Date.parse(booked.startDateTime), zone);
        setPicker({ month: monthOf(day), selected: day, navigated: true });
        setChange(null);
        goTo({ kind: 'reschedule' });
      }}
      onCancel={() => {
        setChange(null);
        goTo({ kind: 'cancel' });
      }}
    />
  );
}
