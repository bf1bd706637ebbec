import type {
  ConversationStatus as ContractStatus,
  SchedulingStatus as ContractSchedulingStatus,
} from '../../contracts/conversation';
import type { ScreeningAnswer, ScreeningReading } from './screening';
import type { Understanding } from './understand-reply';

/**
 * The conversation as a state machine (DESIGN §3 statuses, §7 events). Pure: `transition` takes
 * the conversation's state and one event and returns the next state and the effects the server
 * applies — in one transaction, sends after commit. Nothing else decides a conversation's status.
 */
export type ConversationStatus = ContractStatus;
export type SchedulingStatus = ContractSchedulingStatus;

export type ConversationState = {
  status: ConversationStatus;
  /** Null for a regular (not auto-schedule) conversation. */
  schedulingStatus: SchedulingStatus | null;
  isHumanTakeover: boolean;
  needsReview: boolean;
  nudgesSent: number;
  maxNudges: number;
  /** Replies in a row the agent could not read. */
  unclearReplies: number;
  /** The agent asked "cancel your interview?" and waits for yes or no. */
  awaitingCancelConfirmation: boolean;
  /** The starts the agent's last message proposed (epoch ms, numbered from 1). */
  lastProposal: number[];
  /** Screening (regular conversations with questions): the question waiting for its answer. */
  screeningIndex: number;
  screeningAnswers: ScreeningAnswer[];
};

/** The part of the state a conversation row keeps between messages (its `agent_state`). */
export type AgentMemory = Partial<
  Pick<
    ConversationState,
    | 'nudgesSent'
    | 'unclearReplies'
    | 'awaitingCancelConfirmation'
    | 'lastProposal'
    | 'screeningIndex'
    | 'screeningAnswers'
  >
>;

export function memoryOf(state: ConversationState): AgentMemory {
  return {
    nudgesSent: state.nudgesSent,
    unclearReplies: state.unclearReplies,
    awaitingCancelConfirmation: state.awaitingCancelConfirmation,
    lastProposal: state.lastProposal,
    screeningIndex: state.screeningIndex,
    screeningAnswers: state.screeningAnswers,
  };
}

export type CloseReason = 'MANUAL' | 'TIMEOUT' | 'CAMPAIGN_STOPPED';

export type ConversationEvent =
  /** The start job runs: the contact may have opted out, or have another conversation running. */
  | { type: 'START'; contact: 'FREE' | 'BUSY' | 'OPTED_OUT'; campaignLive: boolean }
  /** The conversation the contact was busy with ended: this queued one may start. */
  | { type: 'RELEASE' }
  /** The opening could not be delivered and nothing ever was. */
  | { type: 'OPENING_UNDELIVERABLE' }
  | { type: 'REPLY'; understanding: Understanding }
  /**
   * An answer to the screening question waiting (`readable: false` when a yes/no or number
   * question was not answered); `questions` is how many the campaign asks.
   */
  | { type: 'SCREENING_ANSWER'; reading: ScreeningReading; questions: number }
  /** A booking (page, reply or API) committed. */
  | { type: 'BOOKED' }
  /** A booking the agent tried for a reply was refused (taken meanwhile). */
  | { type: 'BOOKING_REFUSED'; nearest: number[] }
  | { type: 'MEETING_CANCELLED'; by: 'CANDIDATE' | 'RECRUITER' }
  | { type: 'MEETING_RESCHEDULED' }
  | { type: 'AVAILABILITY_ARRIVED' }
  | { type: 'NUDGE_DUE' }
  | { type: 'TIMEOUT' }
  | { type: 'CLOSE'; reason: CloseReason }
  | { type: 'TAKEOVER' }
  | { type: 'HANDBACK' };

export type AgentMessage =
  | { kind: 'OPENING' }
  | { kind: 'OPT_OUT_CONFIRMATION' }
  | { kind: 'PROPOSAL'; starts: number[] }
  | { kind: 'NO_TIMES' }
  | { kind: 'MORE_TIME_ACKNOWLEDGED' }
  | { kind: 'CONFIRM_CANCEL' }
  | { kind: 'CANCELLED' }
  | { kind: 'KEPT' }
  | { kind: 'CLARIFY' }
  | { kind: 'HOLDING' }
  | { kind: 'ANSWER'; text: string }
  | { kind: 'NUDGE'; number: number }
  | { kind: 'BOOKING_LINK' }
  | { kind: 'SCREENING_QUESTION'; index: number; again: boolean }
  | { kind: 'SCREENING_REJECTED' }
  | { kind: 'SCREENING_PASSED' };

export type ConversationEffect =
  | { type: 'SEND'; message: AgentMessage }
  | { type: 'BOOK'; start: number }
  | { type: 'RESCHEDULE'; start: number }
  | { type: 'CANCEL_MEETING'; by: 'CANDIDATE' | 'RECRUITER' }
  | {
      type: 'RECORD_EVENT';
      event:
        | 'CONVERSATION_STARTED'
        | 'CONVERSATION_QUEUED'
        | 'CONVERSATION_COMPLETED'
        | 'CONVERSATION_OPTED_OUT'
        | 'CONVERSATION_NEEDS_REVIEW'
        | 'CONVERSATION_MAX_NUDGES_REACHED'
        | 'CALENDAR_MORE_TIME_REQUESTED'
        | 'START_CONVERSATION_FAILED';
    }
  /** Every later conversation with this contact in the organization is created OPTED_OUT. */
  | { type: 'OPT_OUT_CONTACT' }
  | { type: 'OPT_IN_CONTACT' }
  /** The oldest conversation queued behind this one for the same contact may start. */
  | { type: 'RELEASE_QUEUED' }
  | { type: 'ENQUEUE_START' }
  /** Nudges and the timeout count again from now. */
  | { type: 'SCHEDULE_FOLLOW_UPS' }
  | { type: 'CANCEL_FOLLOW_UPS' }
  | { type: 'MOVE_REMINDER' }
  | { type: 'DROP_REMINDER' };

export type Transition = { next: ConversationState; effects: ConversationEffect[] };

/** The statuses after which nothing more is sent. */
export const endedStatuses: readonly ConversationStatus[] = [
  'CLOSED',
  'OPTED_OUT',
  'DELIVERY_FAILED',
  'COMPLETED_SCREENING_PASSED',
  'COMPLETED_SCREENING_FAILED',
];
const active: readonly ConversationStatus[] = ['CREATED', 'QUEUED', 'ONGOING'];

export const isEnded = (status: ConversationStatus) => endedStatuses.includes(status);
export const isActive = (status: ConversationStatus) => active.includes(status);

/** A refused event: the state stays and the caller answers with this reason. */
export class TransitionRefused extends Error {
  constructor(
    readonly reason: 'ended',
    message: string,
  ) {
    super(message);
  }
}

export function initialState(
  overrides: Partial<ConversationState> & Pick<ConversationState, 'status'>,
): ConversationState {
  return {
    schedulingStatus: null,
    isHumanTakeover: false,
    needsReview: false,
    nudgesSent: 0,
    maxNudges: 2,
    unclearReplies: 0,
    awaitingCancelConfirmation: false,
    lastProposal: [],
    screeningIndex: 0,
    screeningAnswers: [],
    ...overrides,
  };
}

const stay = (state: ConversationState): Transition => ({ next: state, effects: [] });
const send = (message: AgentMessage): ConversationEffect => ({ type: 'SEND', message });
const record = (event: Extract<ConversationEffect, { type: 'RECORD_EVENT' }>['event']) =>
  ({ type: 'RECORD_EVENT', event }) as const;

export function transition(state: ConversationState, event: ConversationEvent): Transition {
  switch (event.type) {
    case 'START':
      if (state.status !== 'CREATED') return stay(state);
      if (event.contact === 'OPTED_OUT')
        return { next: { ...state, status: 'OPTED_OUT' }, effects: [] };
      if (!event.campaignLive) return stay(state);
      if (event.contact === 'BUSY')
        return { next: { ...state, status: 'QUEUED' }, effects: [record('CONVERSATION_QUEUED')] };
      return {
        next: { ...state, status: 'ONGOING' },
        effects: [
          send({ kind: 'OPENING' }),
          record('CONVERSATION_STARTED'),
          { type: 'SCHEDULE_FOLLOW_UPS' },
        ],
      };

    case 'RELEASE':
      if (state.status !== 'QUEUED') return stay(state);
      return { next: { ...state, status: 'CREATED' }, effects: [{ type: 'ENQUEUE_START' }] };

    case 'OPENING_UNDELIVERABLE':
      if (state.status !== 'ONGOING') return stay(state);
      return {
        next: { ...state, status: 'DELIVERY_FAILED' },
        effects: [record('START_CONVERSATION_FAILED'), { type: 'CANCEL_FOLLOW_UPS' }],
      };

    case 'BOOKED': {
      const scheduled = { ...state, schedulingStatus: 'SCHEDULED' as const, lastProposal: [] };
      if (!isActive(state.status)) return { next: scheduled, effects: [] };
      return {
        next: { ...scheduled, status: 'COMPLETED' },
        effects: [
          record('CONVERSATION_COMPLETED'),
          { type: 'CANCEL_FOLLOW_UPS' },
          ...(state.status === 'QUEUED' ? [] : [{ type: 'RELEASE_QUEUED' } as const]),
        ],
      };
    }

    case 'BOOKING_REFUSED':
      return replyWithStarts(state, event.nearest);

    case 'MEETING_CANCELLED':
      return {
        next: { ...state, schedulingStatus: 'CANCELLED', awaitingCancelConfirmation: false },
        effects: [{ type: 'DROP_REMINDER' }],
      };

    case 'MEETING_RESCHEDULED':
      return { next: state, effects: [{ type: 'MOVE_REMINDER' }] };

    case 'AVAILABILITY_ARRIVED':
      if (state.schedulingStatus !== 'AWAITING_AVAILABILITY' || isEnded(state.status))
        return stay(state);
      return {
        next: { ...state, schedulingStatus: 'LINK_SENT' },
        effects: state.isHumanTakeover ? [] : [send({ kind: 'BOOKING_LINK' })],
      };

    case 'NUDGE_DUE': {
      const waiting =
        state.status === 'ONGOING' &&
        !state.isHumanTakeover &&
        state.schedulingStatus !== 'SCHEDULED' &&
        state.nudgesSent < state.maxNudges;
      if (!waiting) return stay(state);
      const nudgesSent = state.nudgesSent + 1;
      return {
        next: { ...state, nudgesSent },
        effects: [
          send({ kind: 'NUDGE', number: nudgesSent }),
          ...(nudgesSent === state.maxNudges ? [record('CONVERSATION_MAX_NUDGES_REACHED')] : []),
        ],
      };
    }

    case 'TIMEOUT':
      if (state.status !== 'ONGOING' || state.schedulingStatus === 'SCHEDULED') return stay(state);
      return close(state, 'TIMEOUT');

    case 'CLOSE':
      if (state.status === 'CLOSED') return stay(state);
      if (state.status === 'OPTED_OUT' || state.status === 'DELIVERY_FAILED')
        throw new TransitionRefused(
          'ended',
          `The conversation has already ended (status ${state.status}).`,
        );
      return close(state, event.reason);

    case 'TAKEOVER':
      if (state.isHumanTakeover) return stay(state);
      return {
        next: { ...state, isHumanTakeover: true },
        effects: [{ type: 'CANCEL_FOLLOW_UPS' }],
      };

    case 'HANDBACK':
      if (!state.isHumanTakeover) return stay(state);
      return {
        next: { ...state, isHumanTakeover: false, needsReview: false, unclearReplies: 0 },
        effects: isActive(state.status) ? [{ type: 'SCHEDULE_FOLLOW_UPS' }] : [],
      };

    case 'REPLY':
      return reply(state, event.understanding);

    case 'SCREENING_ANSWER':
      return screen(state, event.reading, event.questions);
  }
}

/** One screening answer: the next question, the end (passed or failed), or the question again. */
function screen(
  state: ConversationState,
  reading: ScreeningReading,
  questions: number,
): Transition {
  if (state.status !== 'ONGOING' || state.isHumanTakeover) return stay(state);
  const heard = { ...state, nudgesSent: 0 };
  if (!reading.readable)
    return {
      next: heard,
      effects: [
        send({ kind: 'SCREENING_QUESTION', index: state.screeningIndex, again: true }),
        { type: 'SCHEDULE_FOLLOW_UPS' },
      ],
    };
  const answers = [...state.screeningAnswers, reading.answer];
  const done = (
    status: 'COMPLETED_SCREENING_PASSED' | 'COMPLETED_SCREENING_FAILED',
  ): Transition => ({
    next: { ...heard, status, screeningAnswers: answers, screeningIndex: answers.length },
    effects: [
      send({
        kind: status === 'COMPLETED_SCREENING_PASSED' ? 'SCREENING_PASSED' : 'SCREENING_REJECTED',
      }),
      record('CONVERSATION_COMPLETED'),
      { type: 'CANCEL_FOLLOW_UPS' },
      { type: 'RELEASE_QUEUED' },
    ],
  });
  if (!reading.answer.passed) return done('COMPLETED_SCREENING_FAILED');
  if (answers.length >= questions) return done('COMPLETED_SCREENING_PASSED');
  return {
    next: { ...heard, screeningAnswers: answers, screeningIndex: answers.length },
    effects: [
      send({ kind: 'SCREENING_QUESTION', index: answers.length, again: false }),
      { type: 'SCHEDULE_FOLLOW_UPS' },
    ],
  };
}

function close(state: ConversationState, reason: CloseReason): Transition {
  return {
    next: { ...state, status: 'CLOSED', awaitingCancelConfirmation: false },
    effects: [
      ...(state.schedulingStatus === 'SCHEDULED' && reason !== 'TIMEOUT'
        ? [{ type: 'CANCEL_MEETING', by: 'RECRUITER' } as const]
        : []),
      { type: 'CANCEL_FOLLOW_UPS' },
      ...(state.status === 'QUEUED' ? [] : [{ type: 'RELEASE_QUEUED' } as const]),
    ],
  };
}

function replyWithStarts(state: ConversationState, starts: number[]): Transition {
  if (starts.length === 0)
    return {
      next: { ...state, lastProposal: [] },
      effects: [send({ kind: 'NO_TIMES' }), record('CALENDAR_MORE_TIME_REQUESTED')],
    };
  return {
    next: { ...state, lastProposal: starts },
    effects: [send({ kind: 'PROPOSAL', starts })],
  };
}

function reply(state: ConversationState, understanding: Understanding): Transition {
  // An opt-out is honoured in every state, taken over or not (DESIGN §7).
  if (understanding.intent === 'OPT_OUT') {
    if (state.status === 'OPTED_OUT') return stay(state);
    return {
      next: { ...state, status: 'OPTED_OUT', awaitingCancelConfirmation: false },
      effects: [
        { type: 'OPT_OUT_CONTACT' },
        record('CONVERSATION_OPTED_OUT'),
        send({ kind: 'OPT_OUT_CONFIRMATION' }),
        { type: 'CANCEL_FOLLOW_UPS' },
        ...(isActive(state.status) && state.status !== 'QUEUED'
          ? [{ type: 'RELEASE_QUEUED' } as const]
          : []),
      ],
    };
  }
  if (understanding.intent === 'OPT_IN') {
    // Opting back in restores the contact; this conversation stays as it ended.
    return { next: state, effects: [{ type: 'OPT_IN_CONTACT' }] };
  }
  // Taken over, ended, or waiting in the queue: the reply is only recorded.
  if (state.isHumanTakeover || isEnded(state.status) || state.status === 'QUEUED')
    return stay(state);

  const heard: ConversationState = { ...state, nudgesSent: 0 };
  const followUps: ConversationEffect = { type: 'SCHEDULE_FOLLOW_UPS' };
  const booked = state.schedulingStatus === 'SCHEDULED';
  const withFollowUps = (t: Transition): Transition => ({
    next: { ...t.next, unclearReplies: 0 },
    effects: [...t.effects, followUps],
  });

  if (state.awaitingCancelConfirmation && booked) {
    if (understanding.intent === 'YES')
      return withFollowUps({
        next: { ...heard, awaitingCancelConfirmation: false },
        effects: [{ type: 'CANCEL_MEETING', by: 'CANDIDATE' }, send({ kind: 'CANCELLED' })],
      });
    if (understanding.intent === 'NO')
      return withFollowUps({
        next: { ...heard, awaitingCancelConfirmation: false },
        effects: [send({ kind: 'KEPT' })],
      });
  }
  const fresh = { ...heard, awaitingCancelConfirmation: false };

  switch (understanding.intent) {
    case 'BOOK':
      return withFollowUps({
        next: fresh,
        effects: [{ type: booked ? 'RESCHEDULE' : 'BOOK', start: understanding.start }],
      });
    case 'MOVE':
      return withFollowUps({
        next: fresh,
        effects: [{ type: booked ? 'RESCHEDULE' : 'BOOK', start: understanding.start }],
      });
    case 'PROPOSE':
    case 'MOVE_PROPOSE':
      return withFollowUps(replyWithStarts(fresh, understanding.starts));
    case 'MORE_TIME':
      return withFollowUps({
        next: { ...fresh, lastProposal: [] },
        effects: [record('CALENDAR_MORE_TIME_REQUESTED'), send({ kind: 'MORE_TIME_ACKNOWLEDGED' })],
      });
    case 'CANCEL':
      if (booked)
        return withFollowUps({
          next: { ...fresh, awaitingCancelConfirmation: true },
          effects: [send({ kind: 'CONFIRM_CANCEL' })],
        });
      return withFollowUps({
        next: { ...fresh, lastProposal: [] },
        effects: [record('CALENDAR_MORE_TIME_REQUESTED'), send({ kind: 'MORE_TIME_ACKNOWLEDGED' })],
      });
    case 'QUESTION':
      return needsReview(fresh);
    case 'ANSWERED':
      return withFollowUps({
        next: fresh,
        effects: [send({ kind: 'ANSWER', text: understanding.answer })],
      });
    default: {
      // Unclear (or a yes/no nobody asked for): one clarification, then a human.
      if (state.unclearReplies >= 1) return needsReview(fresh);
      return {
        next: { ...fresh, unclearReplies: state.unclearReplies + 1 },
        effects: [send({ kind: 'CLARIFY' }), followUps],
      };
    }
  }
}

function needsReview(state: ConversationState): Transition {
  return {
    next: { ...state, needsReview: true, unclearReplies: 0 },
    effects: [
      ...(state.needsReview ? [] : [record('CONVERSATION_NEEDS_REVIEW')]),
      send({ kind: 'HOLDING' }),
      { type: 'CANCEL_FOLLOW_UPS' },
    ],
  };
}
