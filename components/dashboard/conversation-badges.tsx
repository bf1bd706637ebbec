import { Badge } from '@/components/ui/bits';
import type { ConversationStatus, SchedulingStatus } from '@/lib/contracts/conversation';

const statusTone: Record<ConversationStatus, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  CREATED: 'neutral',
  QUEUED: 'neutral',
  ONGOING: 'info',
  COMPLETED: 'good',
  COMPLETED_SCREENING_PASSED: 'good',
  COMPLETED_SCREENING_FAILED: 'neutral',
  CLOSED: 'neutral',
  OPTED_OUT: 'warn',
  DELIVERY_FAILED: 'bad',
};

const schedulingTone: Record<SchedulingStatus, 'neutral' | 'good' | 'warn' | 'bad' | 'info'> = {
  AWAITING_AVAILABILITY: 'warn',
  LINK_SENT: 'info',
  SCHEDULED: 'good',
  CANCELLED: 'neutral',
  NO_AVAILABILITY: 'bad',
};

/** "DELIVERY_FAILED" → "Delivery failed". */
export const humanize = (value: string) =>
  value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return <Badge tone={statusTone[status]}>{humanize(status)}</Badge>;
}

/** A regular conversation (no booking link) has no scheduling status. */
export function SchedulingBadge({ status }: { status: SchedulingStatus | null }) {
  if (!status) return <span title="Not an auto-schedule conversation">—</span>;
  return <Badge tone={schedulingTone[status]}>{humanize(status)}</Badge>;
}
