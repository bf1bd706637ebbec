import 'server-only';
import {
  initialState,
  transition,
  TransitionRefused,
  type ConversationEffect,
  type ConversationEvent,
  type Transition,
} from '@/lib/domain/agent/conversation-machine';
import { DomainError } from '@/lib/domain/errors';
import type { ConversationRow } from '@/lib/server/queries/conversations';

/**
 * A conversation row through the state machine (lib/domain/agent/conversation-machine.ts): every
 * status change of a conversation is decided there. A refused event is a 409 `conflict`.
 */
export function decide(
  conversation: Pick<
    ConversationRow,
    'status' | 'schedulingStatus' | 'needsReview' | 'isHumanTakeover'
  > &
    Partial<Pick<ConversationRow, 'agentState'>>,
  event: ConversationEvent,
  overrides: { isMeetingScheduled?: boolean; maxNudges?: number } = {},
): Transition {
  const state = initialState({
    ...conversation.agentState,
    ...(overrides.maxNudges === undefined ? {} : { maxNudges: overrides.maxNudges }),
    status: conversation.status,
    schedulingStatus:
      overrides.isMeetingScheduled === undefined
        ? conversation.schedulingStatus
        : overrides.isMeetingScheduled
          ? 'SCHEDULED'
          : conversation.schedulingStatus === 'SCHEDULED'
            ? 'CANCELLED'
            : conversation.schedulingStatus,
    needsReview: conversation.needsReview,
    isHumanTakeover: conversation.isHumanTakeover,
  });
  try {
    return transition(state, event);
  } catch (error) {
    if (error instanceof TransitionRefused) throw new DomainError('conflict', error.message);
    throw error;
  }
}

export const hasEffect = (effects: ConversationEffect[], type: ConversationEffect['type']) =>
  effects.some((e) => e.type === type);

export const recordsEvent = (effects: ConversationEffect[], event: string) =>
  effects.some((e) => e.type === 'RECORD_EVENT' && e.event === event);
