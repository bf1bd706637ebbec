import 'server-only';
import type { Meeting } from '@/lib/contracts/meeting-record';
import { notFound } from '@/lib/domain/errors';
import type { Db } from '@/lib/server/db/client';
import { findMeeting } from '@/lib/server/queries/meetings';
import { toMeeting } from './to-meeting';

export async function getMeeting(
  db: Db,
  params: { organizationId: string; id: string },
): Promise<Meeting> {
  const meeting = await findMeeting(db, params);
  if (!meeting) throw notFound('Meeting');
  return toMeeting(meeting);
}
