import { open, readFile, unlink } from 'node:fs/promises';
import { DeskbotError } from '../core/errors.js';

/**
 * Take an exclusive lock file holding this process id, so two deskbot processes never open the same embedded data.
 * A lock left by a process that no longer runs is taken over.
 * @param lockPath file to create, e.g. `<dataDir>/pg.lock`
 * @param what what the lock guards, for the error message
 * @returns `release()`, which removes the file (safe to call twice)
 * @throws DeskbotError `config_invalid` when a running process (this one included) holds the lock
 */
export async function acquireDataDirLock(lockPath: string, what: string): Promise<{ release(): Promise<void> }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(lockPath).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await lockHolder(lockPath);
      if (holder !== null && isRunning(holder)) {
        throw new DeskbotError(
          'config_invalid',
          `${what} is in use by another deskbot process (pid ${holder}, lock ${lockPath}): stop it, or set DATABASE_URL to use a PostgreSQL server`,
        );
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new DeskbotError('config_invalid', `could not take the lock ${lockPath} for ${what}`);
}

async function lockHolder(lockPath: string): Promise<number | null> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

// Signal 0 checks for existence only; EPERM means it exists under another user.
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
