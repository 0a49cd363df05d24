// Entry point of `npm start`: read configuration once, start deskbot, stop gracefully on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { loadConfig } from './config/config.js';
import { createLogger } from './observability/logger.js';
import { startDeskbot } from './app/start-deskbot.js';
import { DeskbotError } from './core/errors.js';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  const deskbot = await startDeskbot(config, logger).catch((err: unknown) => {
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight messages');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await deskbot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  console.error(err instanceof DeskbotError ? err.message : err);
  process.exit(1);
}
