// Entry point of `npm start`: read configuration once, start deskbot, stop gracefully on SIGINT/SIGTERM — also while
// it is still starting (migrating, seeding, training), as a process manager may stop it at any moment.
import { existsSync } from 'node:fs';
import { loadConfig } from './config/config.js';
import { createLogger } from './observability/logger.js';
import { startDeskbot, type RunningDeskbot } from './app/start-deskbot.js';
import { DeskbotError } from './core/errors.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  // The handlers go in before start-up opens anything: a signal's default action would kill the process with the
  // embedded PostgreSQL unflushed and the private redis-server orphaned.
  const startUp = new AbortController();
  let deskbot: RunningDeskbot | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    // A second signal changes nothing: the first shutdown goes on, bounded by its 20 s limit.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, starting: !deskbot }, 'shutting down: finishing in-flight messages');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    if (!deskbot) {
      // Start-up closes what it has opened and rejects; the catch below then exits.
      startUp.abort(new DeskbotError('starting', `start-up stopped by ${signal}`));
      return;
    }
    await deskbot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  deskbot = await startDeskbot(config, logger, { signal: startUp.signal }).catch((err: unknown) => {
    if (startUp.signal.aborted) {
      logger.info('stopped during start-up');
      process.exit(0);
    }
    if (err instanceof DeskbotError && (err.code === 'dependency_missing' || err.code === 'config_invalid')) {
      console.error(err.message);
      process.exit(1);
    }
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${config.PORT} is already in use: stop whatever listens there or set PORT.`);
      process.exit(1);
    }
    throw err;
  });
} catch (err) {
  console.error(err instanceof DeskbotError ? err.message : err);
  process.exit(1);
}
