import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import { nextFollowUp } from '@/lib/domain/agent/follow-ups';
import type { Db } from '@/lib/server/db/client';
import { findConversationCampaign } from '@/lib/server/queries/campaigns';
import { conversations } from '@/lib/server/db/schema/conversations';
import { decide } from '@/lib/server/services/conversations/conversation-state';
import { applyTransition, followUpsSince } from './apply-transition';

/**
 * Nudges and timeouts that are due (the minute sweep, DESIGN §7): each conversation whose
 * `follow_up_at` has come gets NUDGE_DUE or TIMEOUT, in its own transaction with the row locked,
 * and its next follow-up is set. A conversation answered or taken over meanwhile has moved its
 * follow-up (or cleared it) and is skipped.
 */
export async function runDueFollowUps(db: Db, now: Date, limit = 200): Promise<number> {
  const due = await db
    .select({ id: conversations.id, organizationId: conversations.organizationId })
    .from(conversations)
    .where(lte(conversations.followUpAt, now))
    .orderBy(asc(conversations.followUpAt))
    .limit(limit);
  let done = 0;
  for (const { id, organizationId } of due) {
    const ran = await db.transaction(async (tx) => {
      const own = and(eq(conversations.organizationId, organizationId), eq(conversations.id, id));
      const [row] = await tx
        .select()
        .from(conversations)
        .where(and(own, lte(conversations.followUpAt, now)))
        .for('update')
        .limit(1);
      if (!row) return false;
      const campaign = await findConversationCampaign(tx, row);
      if (!campaign) {
        await tx.update(conversations).set({ followUpAt: null }).where(own);
        return false;
      }
      const rules = {
        since: followUpsSince(row, now),
        maxNudges: campaign.nudgeCount,
        intervalHours: campaign.nudgeIntervalHours,
        timeoutHours: campaign.conversationTimeoutHours,
      };
      const memory = row.agentState;
      const dueNow = nextFollowUp({ ...rules, nudgesSent: memory.nudgesSent ?? 0 });
      const transition = decide(
        row,
        { type: dueNow.kind === 'TIMEOUT' ? 'TIMEOUT' : 'NUDGE_DUE' },
        { maxNudges: campaign.nudgeCount },
      );
      const { conversation } = await applyTransition(tx, {
        conversation: row,
        campaign,
        transition,
        now,
      });
      // After a nudge, the next one (or the timeout); after anything else nothing is due.
      const following =
        dueNow.kind === 'NUDGE' &&
        conversation.status === 'ONGOING' &&
        !conversation.isHumanTakeover
          ? new Date(nextFollowUp({ ...rules, nudgesSent: transition.next.nudgesSent }).at)
          : null;
      await tx.update(conversations).set({ followUpAt: following }).where(own);
      return true;
    });
    if (ran) done += 1;
  }
  return done;
}
