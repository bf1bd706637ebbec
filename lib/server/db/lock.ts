import fs from 'node:fs';
import path from 'node:path';

/**
 * One process per embedded-database folder: two PGlite instances on one folder lose writes
 * silently, so the second opener gets a clear error instead. A lock left by a dead process is
 * taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'parley.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (owner === process.pid || !isAlive(owner)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new Error(
        `The embedded database in ${path.resolve(dir)} is in use by process ${owner}. ` +
          'Stop that process first (or set DATABASE_URL to use a PostgreSQL server, which many processes can share).',
      );
    }
  }
  throw new Error(`Could not lock the embedded database in ${path.resolve(dir)}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
