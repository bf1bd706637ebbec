import { insertJobs } from 'pg-boss/dist/plans.js';
import { describe, expect, it } from 'vitest';
import { splitJobStatement } from './job-statement';

// pg-boss's own statement builder (what `send` runs), so that an upgrade that changes its shape
// fails here rather than in production.
const statement = (notify: boolean) =>
  insertJobs('pgboss', { table: 'job_common', name: 'conversations.start', notify });

describe('splitJobStatement', () => {
  it('turns the insert with NOTIFY into CTEs around its parameter and its final select', () => {
    const split = splitJobStatement(statement(true));
    expect(split.ctesBefore).toMatch(/^\s*ins AS \(\s*INSERT INTO pgboss\.job_common/);
    expect(split.ctesBefore).toMatch(/json_to_recordset\($/);
    expect(split.ctesAfter).toMatch(/^::text::json\)/);
    expect(split.ctesAfter).toMatch(/notified AS \([\s\S]*pg_notify[\s\S]*\)\s*$/);
    expect(split.final).toMatch(/^SELECT id FROM ins WHERE \(SELECT count\(\*\) FROM notified\)/);
  });

  it('wraps a bare insert (a queue without NOTIFY) as one CTE', () => {
    const split = splitJobStatement(statement(false));
    expect(split.ctesBefore).toMatch(/^added_job as \(\s*INSERT INTO pgboss\.job_common/);
    expect(split.ctesAfter).toMatch(/RETURNING id\s*\)$/);
    expect(split.final).toBe('select * from added_job');
  });

  it('refuses statements of another shape', () => {
    expect(() => splitJobStatement('SELECT 1')).toThrow(/unexpected shape/);
    expect(() => splitJobStatement('INSERT INTO t SELECT $1, $2')).toThrow(/unexpected shape/);
    expect(() => splitJobStatement('WITH a AS (SELECT $1) DELETE FROM t')).toThrow(/unexpected/);
    expect(() => splitJobStatement("WITH a AS (SELECT ')' || $1) SELECT 1")).not.toThrow();
  });
});
