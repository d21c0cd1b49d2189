import { type App, createApp } from './app.js';
import { platformsFrom, secretsOf } from './config/env.js';
import { loadSettings } from './config/startup.js';
import { type AppLogger, createLogger } from './ops/logger.js';
import { guardProcess } from './ops/process-guards.js';
import { StartAborted } from './ops/resources.js';

/**
 * `npm start` and the production entry point: the platforms whose credentials are set (or
 * the terminal playground). SIGTERM/SIGINT drain and exit 0; a second signal exits at once.
 */
async function main(): Promise<number> {
  const started = Date.now();
  let app: App | undefined;
  let logger: AppLogger | undefined;
  let signalled = false;
  let drainSeconds = 20;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      process.stderr.write(`k8s-quiz: ${signal} again: exiting now\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    signalled = true;
    if (!app) process.exit(0); // nothing opened yet
    logger?.info({ signal, drainSeconds }, 'k8s-quiz: draining');
    // Stops whatever the process is doing — serving, or a start-up still connecting.
    const at = Date.now();
    void app.stop().then(() => {
      logger?.info({ ms: Date.now() - at }, 'k8s-quiz: stopped');
      process.exit(0);
    });
    setTimeout(
      () => {
        process.stderr.write(`k8s-quiz: not stopped ${drainSeconds + 10} s after ${signal}: exiting\n`);
        process.exit(1);
      },
      (drainSeconds + 10) * 1000,
    ).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const { env, config, teams } = await loadSettings();
  drainSeconds = env.DRAIN_SECONDS;
  const platforms = platformsFrom(env);
  logger = createLogger({
    level: env.LOG_LEVEL ?? (platforms.console ? 'warn' : 'info'),
    fd: platforms.console ? 2 : 1,
    secrets: secretsOf(env),
  });
  guardProcess(logger);
  app = await createApp({ env, config, teams, logger });
  if (signalled) return 0;
  try {
    const port = await app.start();
    const names = Object.entries(platforms).flatMap(([name, on]) => (on ? [name] : []));
    logger.info({ role: env.ROLE, platforms: names, port, ms: Date.now() - started }, 'k8s-quiz: started');
  } catch (error) {
    if (error instanceof StartAborted || signalled) {
      await app.stop();
      return 0;
    }
    await app.stop(); // the embedded redis-server and anything else already opened
    throw error;
  }
  await app.finished;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One readable line (or one per bad key), never a stack trace: these are for an admin to fix.
    process.stderr.write(`k8s-quiz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
