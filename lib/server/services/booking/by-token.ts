import 'server-only';
import { eq } from 'drizzle-orm';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { conversations } from '@/lib/server/db/schema/conversations';
import { isBookingToken } from '@/lib/server/queries/booking-link';
import {
  isAutoSchedule,
  type AutoScheduleConversationRow,
} from '@/lib/server/queries/conversations';

/** The conversation a booking link belongs to (row-locked inside a transaction when asked). */
export async function requireConversationByToken(
  db: Db,
  token: string,
  options: { lock?: boolean } = {},
): Promise<AutoScheduleConversationRow> {
  if (!isBookingToken(token)) throw notFound('Booking link');
  const query = db
    .select()
    .from(conversations)
    .where(eq(conversations.bookingToken, token))
    .limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !isAutoSchedule(row)) throw notFound('Booking link');
  return row;
}
