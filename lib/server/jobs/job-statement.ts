import 'server-only';

/**
 * pg-boss's statement for adding jobs, reshaped so that it can run inside another statement: the
 * common table expressions around its one parameter `$1`, and its final SELECT.
 */
export type JobStatement = { ctesBefore: string; ctesAfter: string; final: string };

const splitStatements = new Map<string, JobStatement>();

/** parseJobStatement, once per statement text (pg-boss writes one per queue). */
export function splitJobStatement(text: string): JobStatement {
  let split = splitStatements.get(text);
  if (!split) {
    split = parseJobStatement(text);
    if (splitStatements.size < 100) splitStatements.set(text, split);
  }
  return split;
}

/**
 * `WITH a AS (…), b AS (…) SELECT …` (pg-boss's insert with NOTIFY) or a bare `INSERT …` → the
 * CTE list around its one parameter `$1`, and the final SELECT over them.
 */
function parseJobStatement(text: string): JobStatement {
  const statement = text.trim();
  let ctes: string;
  let final: string;
  if (/^insert\s/i.test(statement)) {
    ctes = `added_job as (${statement})`;
    final = 'select * from added_job';
  } else {
    const head = /^with\s/i.exec(statement);
    const end = head ? endOfCteList(statement, head[0].length) : -1;
    if (!head || end < 0) throw unexpectedJobStatement(text);
    ctes = statement.slice(head[0].length, end);
    final = statement.slice(end).trim();
  }
  const parts = ctes.split(/\$1(?!\d)/);
  if (
    parts.length !== 2 ||
    !/^select\s/i.test(final) ||
    /\$\d/.test(parts[0]! + parts[1]! + final)
  ) {
    throw unexpectedJobStatement(text);
  }
  return { ctesBefore: parts[0]!, ctesAfter: parts[1]!, final };
}

/** Index just past the `)` that closes the last `name AS (…)` of a CTE list, or -1. */
function endOfCteList(statement: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < statement.length; i++) {
    const c = statement[i]!;
    if (quote) {
      if (c === quote) quote = null; // a doubled quote closes and reopens: still inside
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && --depth === 0 && !/^\s*,/.test(statement.slice(i + 1))) {
      return i + 1;
    }
  }
  return -1;
}

function unexpectedJobStatement(text: string): Error {
  return new Error(`pg-boss's job insert has an unexpected shape:\n${text}`);
}
