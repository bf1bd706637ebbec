import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { lockDataDir } from './lock';
import * as schema from './schema';

/** The tables and their relations (`db.query.…` loads an aggregate in one statement). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

type Connection =
  | { kind: 'postgres'; sql: postgres.Sql; close: () => Promise<void> }
  | { kind: 'pglite'; pglite: PGlite; close: () => Promise<void> };

/**
 * One connection (pool or embedded database) per process, kept on globalThis so that dev reloads,
 * Next's bundles and scripts in the same process share it.
 */
const store = globalThis as typeof globalThis & {
  __parleyConnection?: Connection;
  __parleyDb?: { connection: Connection; db: Db };
};

function openConnection(): Connection {
  const settings = env();
  if (settings.DATABASE_URL) {
    const sql = postgres(settings.DATABASE_URL, {
      max: settings.DATABASE_POOL_SIZE,
      onnotice: () => {},
      connection: { application_name: 'parley' },
    });
    return { kind: 'postgres', sql, close: () => sql.end({ timeout: 5 }) };
  }
  const release = lockDataDir(settings.PARLEY_DATA_DIR);
  const pglite = new PGlite(settings.PARLEY_DATA_DIR, { extensions: { btree_gist } });
  return {
    kind: 'pglite',
    pglite,
    close: async () => {
      await pglite.close();
      release();
    },
  };
}

/**
 * drizzle runs every query that is not `.prepare()`d through `sql.unsafe(…, { prepare: false })`,
 * and postgres.js then describes each parameterised statement in a round trip of its own before
 * executing it. Passing `prepare: true` (postgres.js's documented option of `unsafe`, here and in
 * transactions and savepoints) makes every query one round trip and lets each connection reuse its
 * prepared statements. This is the project's one workaround around a library; it only wraps the
 * public `unsafe`, `begin` and `savepoint` methods, and test/http/database-client.int.test.ts
 * fails if an upgrade makes it stop working.
 */
type Unsafe = (query: string, args?: unknown[], options?: Record<string, unknown>) => unknown;
function withPreparedStatements<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === 'unsafe' && typeof value === 'function') {
        const unsafe = value as Unsafe;
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          unsafe.call(target, query, args, { ...options, prepare: true });
      }
      if ((property === 'begin' || property === 'savepoint') && typeof value === 'function') {
        const open = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (tx: object) => unknown;
          return open.call(target, ...args.slice(0, -1), (tx: object) =>
            callback(withPreparedStatements(tx)),
          );
        };
      }
      return value;
    },
  });
}

export function getConnection(): Connection {
  store.__parleyConnection ??= openConnection();
  return store.__parleyConnection;
}

export function getDb(): Db {
  const connection = getConnection();
  if (store.__parleyDb?.connection !== connection) {
    const db =
      connection.kind === 'postgres'
        ? (drizzlePostgres(withPreparedStatements(connection.sql), { schema }) as unknown as Db)
        : (drizzlePglite(connection.pglite, { schema }) as unknown as Db);
    store.__parleyDb = { connection, db };
  }
  return store.__parleyDb.db;
}

export async function closeDb(): Promise<void> {
  const connection = store.__parleyConnection;
  store.__parleyConnection = undefined;
  store.__parleyDb = undefined;
  await connection?.close();
}

/** Rows of a raw `db.execute()`: PGlite answers `{ rows }`, postgres.js an array. */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A drizzle query prepared once per database handle (the process's, or a transaction's: a query
 * prepared on one runs on that one only). drizzle then builds its SQL and result mapping once
 * instead of on every call — worth it for what every request runs, such as the API-key lookup.
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const prepared = new WeakMap<Db, T>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) {
      query = prepare(db);
      prepared.set(db, query);
    }
    return query;
  };
}
