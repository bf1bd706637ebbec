import { describe, expect, it } from 'vitest';
import {
  initialState,
  transition,
  TransitionRefused,
  type ConversationEffect,
  type ConversationState,
  type ConversationStatus,
} from './conversation-machine';
import type { Understanding } from './understand-reply';

const T1 = Date.UTC(2026, 11, 8, 14);
const T2 = Date.UTC(2026, 11, 8, 15);
const T3 = Date.UTC(2026, 11, 9, 10);

const ongoing = (overrides: Partial<ConversationState> = {}) =>
  initialState({ status: 'ONGOING', schedulingStatus: 'LINK_SENT', ...overrides });
const booked = (overrides: Partial<ConversationState> = {}) =>
  ongoing({ status: 'COMPLETED', schedulingStatus: 'SCHEDULED', ...overrides });
const heard = (state: ConversationState, understanding: Understanding) =>
  transition(state, { type: 'REPLY', understanding });
const types = (effects: ConversationEffect[]) =>
  effects.map((e) =>
    e.type === 'SEND' ? `SEND ${e.message.kind}` : e.type === 'RECORD_EVENT' ? e.event : e.type,
  );

describe('starting', () => {
  const created = initialState({ status: 'CREATED', schedulingStatus: 'LINK_SENT' });

  it('sends the opening and becomes ONGOING for a free contact', () => {
    const { next, effects } = transition(created, {
      type: 'START',
      contact: 'FREE',
      campaignLive: true,
    });
    expect(next.status).toBe('ONGOING');
    expect(types(effects)).toEqual(['SEND OPENING', 'CONVERSATION_STARTED', 'SCHEDULE_FOLLOW_UPS']);
  });

  it('queues behind another conversation with the same contact, sending nothing', () => {
    const { next, effects } = transition(created, {
      type: 'START',
      contact: 'BUSY',
      campaignLive: true,
    });
    expect(next.status).toBe('QUEUED');
    expect(types(effects)).toEqual(['CONVERSATION_QUEUED']);
  });

  it('is OPTED_OUT at once for a contact that opted out, and sends nothing', () => {
    const { next, effects } = transition(created, {
      type: 'START',
      contact: 'OPTED_OUT',
      campaignLive: true,
    });
    expect(next.status).toBe('OPTED_OUT');
    expect(effects).toEqual([]);
  });

  it('waits while its campaign is a draft, and starts only once', () => {
    expect(transition(created, { type: 'START', contact: 'FREE', campaignLive: false })).toEqual({
      next: created,
      effects: [],
    });
    const started = ongoing();
    expect(
      transition(started, { type: 'START', contact: 'FREE', campaignLive: true }).effects,
    ).toEqual([]);
  });

  it('a released queued conversation is CREATED again and its start job enqueued', () => {
    const queued = initialState({ status: 'QUEUED' });
    const { next, effects } = transition(queued, { type: 'RELEASE' });
    expect(next.status).toBe('CREATED');
    expect(types(effects)).toEqual(['ENQUEUE_START']);
    expect(transition(ongoing(), { type: 'RELEASE' }).effects).toEqual([]);
  });

  it('an opening that cannot be delivered ends it DELIVERY_FAILED', () => {
    const { next, effects } = transition(ongoing(), { type: 'OPENING_UNDELIVERABLE' });
    expect(next.status).toBe('DELIVERY_FAILED');
    expect(types(effects)).toEqual(['START_CONVERSATION_FAILED', 'CANCEL_FOLLOW_UPS']);
    expect(transition(booked(), { type: 'OPENING_UNDELIVERABLE' }).next.status).toBe('COMPLETED');
  });
});

describe('booking and the meeting', () => {
  it('completes an active conversation when it is booked and releases the next one', () => {
    for (const status of ['CREATED', 'ONGOING'] as ConversationStatus[]) {
      const { next, effects } = transition(ongoing({ status, lastProposal: [T1] }), {
        type: 'BOOKED',
      });
      expect(next).toMatchObject({
        status: 'COMPLETED',
        schedulingStatus: 'SCHEDULED',
        lastProposal: [],
      });
      expect(types(effects)).toEqual([
        'CONVERSATION_COMPLETED',
        'CANCEL_FOLLOW_UPS',
        'RELEASE_QUEUED',
      ]);
    }
    // A queued conversation booked through its link has nobody behind it to release.
    expect(types(transition(ongoing({ status: 'QUEUED' }), { type: 'BOOKED' }).effects)).toEqual([
      'CONVERSATION_COMPLETED',
      'CANCEL_FOLLOW_UPS',
    ]);
  });

  it('a booking again after a cancel schedules without completing twice', () => {
    const { next, effects } = transition(booked({ schedulingStatus: 'CANCELLED' }), {
      type: 'BOOKED',
    });
    expect(next).toMatchObject({ status: 'COMPLETED', schedulingStatus: 'SCHEDULED' });
    expect(effects).toEqual([]);
  });

  it('a cancelled meeting drops its reminder; a moved one moves it', () => {
    const cancelled = transition(booked(), { type: 'MEETING_CANCELLED', by: 'CANDIDATE' });
    expect(cancelled.next.schedulingStatus).toBe('CANCELLED');
    expect(types(cancelled.effects)).toEqual(['DROP_REMINDER']);
    expect(types(transition(booked(), { type: 'MEETING_RESCHEDULED' }).effects)).toEqual([
      'MOVE_REMINDER',
    ]);
  });

  it('a refused booking by reply proposes the nearest starts instead', () => {
    const { next, effects } = transition(ongoing(), { type: 'BOOKING_REFUSED', nearest: [T2, T3] });
    expect(next.lastProposal).toEqual([T2, T3]);
    expect(effects).toEqual([{ type: 'SEND', message: { kind: 'PROPOSAL', starts: [T2, T3] } }]);
  });

  it('collected availability sends the link to a waiting conversation', () => {
    const waiting = ongoing({ schedulingStatus: 'AWAITING_AVAILABILITY' });
    const { next, effects } = transition(waiting, { type: 'AVAILABILITY_ARRIVED' });
    expect(next.schedulingStatus).toBe('LINK_SENT');
    expect(types(effects)).toEqual(['SEND BOOKING_LINK']);
    expect(
      transition({ ...waiting, isHumanTakeover: true }, { type: 'AVAILABILITY_ARRIVED' }).effects,
    ).toEqual([]);
    expect(transition(ongoing(), { type: 'AVAILABILITY_ARRIVED' }).effects).toEqual([]);
  });
});

describe('timing', () => {
  it('nudges up to the campaign count, then reports it once', () => {
    let state = ongoing({ maxNudges: 2 });
    const first = transition(state, { type: 'NUDGE_DUE' });
    expect(types(first.effects)).toEqual(['SEND NUDGE']);
    state = first.next;
    const second = transition(state, { type: 'NUDGE_DUE' });
    expect(types(second.effects)).toEqual(['SEND NUDGE', 'CONVERSATION_MAX_NUDGES_REACHED']);
    expect(transition(second.next, { type: 'NUDGE_DUE' }).effects).toEqual([]);
  });

  it('sends no nudge while taken over, booked, or with nudges off', () => {
    expect(transition(ongoing({ isHumanTakeover: true }), { type: 'NUDGE_DUE' }).effects).toEqual(
      [],
    );
    expect(transition(booked(), { type: 'NUDGE_DUE' }).effects).toEqual([]);
    expect(transition(ongoing({ maxNudges: 0 }), { type: 'NUDGE_DUE' }).effects).toEqual([]);
  });

  it('a timeout closes a conversation with nothing booked, and only that', () => {
    const { next, effects } = transition(ongoing(), { type: 'TIMEOUT' });
    expect(next.status).toBe('CLOSED');
    expect(types(effects)).toEqual(['CANCEL_FOLLOW_UPS', 'RELEASE_QUEUED']);
    expect(transition(booked(), { type: 'TIMEOUT' }).next.status).toBe('COMPLETED');
    expect(transition(initialState({ status: 'CLOSED' }), { type: 'TIMEOUT' }).effects).toEqual([]);
  });
});

describe('closing, takeover and handback', () => {
  it('closing cancels the booked meeting and releases the next conversation', () => {
    const { next, effects } = transition(booked(), { type: 'CLOSE', reason: 'MANUAL' });
    expect(next.status).toBe('CLOSED');
    expect(effects[0]).toEqual({ type: 'CANCEL_MEETING', by: 'RECRUITER' });
    expect(types(effects)).toEqual(['CANCEL_MEETING', 'CANCEL_FOLLOW_UPS', 'RELEASE_QUEUED']);
  });

  it('closing twice is nothing; an opted-out or undeliverable one cannot be closed', () => {
    const closed = initialState({ status: 'CLOSED' });
    expect(transition(closed, { type: 'CLOSE', reason: 'MANUAL' })).toEqual({
      next: closed,
      effects: [],
    });
    for (const status of ['OPTED_OUT', 'DELIVERY_FAILED'] as ConversationStatus[])
      expect(() =>
        transition(initialState({ status }), { type: 'CLOSE', reason: 'MANUAL' }),
      ).toThrow(TransitionRefused);
    expect(
      types(
        transition(initialState({ status: 'QUEUED' }), { type: 'CLOSE', reason: 'MANUAL' }).effects,
      ),
    ).toEqual(['CANCEL_FOLLOW_UPS']);
  });

  it('a takeover silences the agent until the handback resumes it', () => {
    const taken = transition(ongoing({ needsReview: true }), { type: 'TAKEOVER' });
    expect(taken.next.isHumanTakeover).toBe(true);
    expect(types(taken.effects)).toEqual(['CANCEL_FOLLOW_UPS']);
    expect(heard(taken.next, { intent: 'BOOK', start: T1 }).effects).toEqual([]);
    const back = transition(taken.next, { type: 'HANDBACK' });
    expect(back.next).toMatchObject({ isHumanTakeover: false, needsReview: false });
    expect(types(back.effects)).toEqual(['SCHEDULE_FOLLOW_UPS']);
    expect(transition(back.next, { type: 'HANDBACK' }).effects).toEqual([]);
    expect(transition(taken.next, { type: 'TAKEOVER' }).effects).toEqual([]);
  });
});

describe('replies', () => {
  it('an opt-out ends the conversation, confirms once and opts the contact out — taken over or not', () => {
    for (const state of [ongoing(), ongoing({ isHumanTakeover: true }), booked()]) {
      const { next, effects } = heard(state, { intent: 'OPT_OUT' });
      expect(next.status).toBe('OPTED_OUT');
      expect(types(effects).slice(0, 4)).toEqual([
        'OPT_OUT_CONTACT',
        'CONVERSATION_OPTED_OUT',
        'SEND OPT_OUT_CONFIRMATION',
        'CANCEL_FOLLOW_UPS',
      ]);
    }
    const out = initialState({ status: 'OPTED_OUT' });
    expect(heard(out, { intent: 'OPT_OUT' }).effects).toEqual([]);
    expect(heard(out, { intent: 'OPT_IN' })).toEqual({
      next: out,
      effects: [{ type: 'OPT_IN_CONTACT' }],
    });
  });

  it('a named offered start is booked, or moved to when booked', () => {
    expect(heard(ongoing(), { intent: 'BOOK', start: T1 }).effects).toEqual([
      { type: 'BOOK', start: T1 },
      { type: 'SCHEDULE_FOLLOW_UPS' },
    ]);
    expect(heard(booked(), { intent: 'MOVE', start: T2 }).effects[0]).toEqual({
      type: 'RESCHEDULE',
      start: T2,
    });
    expect(heard(booked(), { intent: 'BOOK', start: T2 }).effects[0]).toEqual({
      type: 'RESCHEDULE',
      start: T2,
    });
  });

  it('a day or part of a day gets a numbered proposal, remembered for the pick', () => {
    const { next, effects } = heard(ongoing({ nudgesSent: 1 }), {
      intent: 'PROPOSE',
      starts: [T1, T2, T3],
      match: 'WITHIN',
    });
    expect(next).toMatchObject({ lastProposal: [T1, T2, T3], nudgesSent: 0 });
    expect(effects[0]).toEqual({
      type: 'SEND',
      message: { kind: 'PROPOSAL', starts: [T1, T2, T3] },
    });
    const none = heard(ongoing(), { intent: 'PROPOSE', starts: [], match: 'NEAREST' });
    expect(types(none.effects)).toEqual([
      'SEND NO_TIMES',
      'CALENDAR_MORE_TIME_REQUESTED',
      'SCHEDULE_FOLLOW_UPS',
    ]);
  });

  it('other times are reported and acknowledged', () => {
    expect(types(heard(ongoing({ lastProposal: [T1] }), { intent: 'MORE_TIME' }).effects)).toEqual([
      'CALENDAR_MORE_TIME_REQUESTED',
      'SEND MORE_TIME_ACKNOWLEDGED',
      'SCHEDULE_FOLLOW_UPS',
    ]);
  });

  it('a cancel asks first; yes cancels for the candidate, no keeps the meeting', () => {
    const asked = heard(booked(), { intent: 'CANCEL' });
    expect(asked.next.awaitingCancelConfirmation).toBe(true);
    expect(types(asked.effects)).toEqual(['SEND CONFIRM_CANCEL', 'SCHEDULE_FOLLOW_UPS']);
    const yes = heard(asked.next, { intent: 'YES' });
    expect(yes.effects.slice(0, 2)).toEqual([
      { type: 'CANCEL_MEETING', by: 'CANDIDATE' },
      { type: 'SEND', message: { kind: 'CANCELLED' } },
    ]);
    expect(yes.next.awaitingCancelConfirmation).toBe(false);
    const no = heard(asked.next, { intent: 'NO' });
    expect(types(no.effects)).toEqual(['SEND KEPT', 'SCHEDULE_FOLLOW_UPS']);
    // Without a meeting, "I can't make it" asks for other times.
    expect(types(heard(ongoing(), { intent: 'CANCEL' }).effects)[0]).toBe(
      'CALENDAR_MORE_TIME_REQUESTED',
    );
    // Something else instead of yes or no drops the question.
    expect(heard(asked.next, { intent: 'MOVE', start: T2 }).next.awaitingCancelConfirmation).toBe(
      false,
    );
  });

  it('a question the language model answered gets that answer, and no review', () => {
    const answered = heard(ongoing(), { intent: 'ANSWERED', answer: 'Yes, fully remote.' });
    expect(answered.next.needsReview).toBe(false);
    expect(answered.effects).toContainEqual({
      type: 'SEND',
      message: { kind: 'ANSWER', text: 'Yes, fully remote.' },
    });
    expect(types(answered.effects)).toContain('SCHEDULE_FOLLOW_UPS');
  });

  it('a question needs review at once; an unclear reply after one clarification', () => {
    const question = heard(ongoing(), { intent: 'QUESTION' });
    expect(question.next.needsReview).toBe(true);
    expect(types(question.effects)).toEqual([
      'CONVERSATION_NEEDS_REVIEW',
      'SEND HOLDING',
      'CANCEL_FOLLOW_UPS',
    ]);
    // Reported once while it still needs review.
    expect(types(heard(question.next, { intent: 'QUESTION' }).effects)).toEqual([
      'SEND HOLDING',
      'CANCEL_FOLLOW_UPS',
    ]);

    const once = heard(ongoing(), { intent: 'UNCLEAR' });
    expect(once.next).toMatchObject({ unclearReplies: 1, needsReview: false });
    expect(types(once.effects)).toEqual(['SEND CLARIFY', 'SCHEDULE_FOLLOW_UPS']);
    const twice = heard(once.next, { intent: 'UNCLEAR' });
    expect(twice.next.needsReview).toBe(true);
    // An answer it reads in between starts the count again.
    const read = heard(once.next, { intent: 'MORE_TIME' });
    expect(read.next.unclearReplies).toBe(0);
    // A yes nobody asked for is unclear.
    expect(types(heard(ongoing(), { intent: 'YES' }).effects)[0]).toBe('SEND CLARIFY');
  });

  it('replies to an ended or queued conversation are only recorded', () => {
    for (const status of [
      'CLOSED',
      'DELIVERY_FAILED',
      'QUEUED',
      'COMPLETED_SCREENING_PASSED',
    ] as ConversationStatus[])
      expect(heard(initialState({ status }), { intent: 'BOOK', start: T1 }).effects).toEqual([]);
  });
});

describe('screening', () => {
  const screening = () => initialState({ status: 'ONGOING' });
  const answer = (passed: boolean) =>
    ({ readable: true, answer: { question: 'Q', answer: 'A', passed } }) as const;

  it('asks the next question, then passes after the last', () => {
    const first = transition(screening(), {
      type: 'SCREENING_ANSWER',
      reading: answer(true),
      questions: 2,
    });
    expect(first.next).toMatchObject({ status: 'ONGOING', screeningIndex: 1 });
    expect(first.effects).toContainEqual({
      type: 'SEND',
      message: { kind: 'SCREENING_QUESTION', index: 1, again: false },
    });
    const last = transition(first.next, {
      type: 'SCREENING_ANSWER',
      reading: answer(true),
      questions: 2,
    });
    expect(last.next.status).toBe('COMPLETED_SCREENING_PASSED');
    expect(last.next.screeningAnswers).toHaveLength(2);
    expect(last.effects).toContainEqual({ type: 'RECORD_EVENT', event: 'CONVERSATION_COMPLETED' });
    expect(last.effects).toContainEqual({ type: 'SEND', message: { kind: 'SCREENING_PASSED' } });
  });

  it('fails at the first failed knockout, asks again when unreadable, and ignores it taken over', () => {
    const failed = transition(screening(), {
      type: 'SCREENING_ANSWER',
      reading: answer(false),
      questions: 3,
    });
    expect(failed.next.status).toBe('COMPLETED_SCREENING_FAILED');
    expect(failed.effects).toContainEqual({
      type: 'SEND',
      message: { kind: 'SCREENING_REJECTED' },
    });
    const again = transition(screening(), {
      type: 'SCREENING_ANSWER',
      reading: { readable: false },
      questions: 3,
    });
    expect(again.next.screeningIndex).toBe(0);
    expect(again.effects).toContainEqual({
      type: 'SEND',
      message: { kind: 'SCREENING_QUESTION', index: 0, again: true },
    });
    const quiet = transition(
      { ...screening(), isHumanTakeover: true },
      { type: 'SCREENING_ANSWER', reading: answer(true), questions: 3 },
    );
    expect(quiet.effects).toEqual([]);
  });
});
