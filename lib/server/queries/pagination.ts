import 'server-only';
import { isId } from '@/lib/contracts/common';
import { DomainError } from '@/lib/domain/errors';

export type PageParams = { limit: number; cursor?: string | undefined };
export type Page<T> = { data: T[]; nextCursor: string | null };

/** Lists are newest first by id (UUIDv7); the cursor is the last id seen, opaque to clients. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  let id = '';
  try {
    id = Buffer.from(cursor, 'base64url').toString('utf8');
  } catch {
    id = '';
  }
  if (!isId(id)) {
    throw new DomainError(
      'validation_error',
      'cursor is not valid; pass nextCursor from a previous page',
      [{ path: 'cursor', message: 'is not a cursor returned by this API' }],
    );
  }
  return id;
}

/** `rows` holds up to limit + 1 items: the extra one only tells that another page exists. */
export function toPage<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map(map),
    nextCursor: hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  };
}
