import type { Logger } from '../core/ports.js';

/**
 * Last-resort handlers: an error nothing caught is logged as one line with what is known,
 * and the process keeps serving — a bad request or a library's stray promise must not take
 * every team's bot down. (Liveness stays with /healthz; readiness with Redis and platforms.)
 */
export function guardProcess(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: describe(reason) }, 'unhandled promise rejection (kept running)');
  });
  process.on('uncaughtException', (error, origin) => {
    logger.error({ err: describe(error), origin }, 'uncaught exception (kept running)');
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const at = error.stack?.split('\n')[1]?.trim();
    return at ? `${error.name}: ${error.message} (${at})` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
