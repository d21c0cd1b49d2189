import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');

/** Bolt and the Web API log through the app's logger; their debug chatter is dropped. */
export function boltLogger(logger: Logger, name = 'slack'): BoltLogger {
  let level = LogLevel.INFO;
  let prefix = name;
  return {
    debug: () => {},
    info: (...msg) => logger.info({ source: prefix }, text(msg)),
    warn: (...msg) => logger.warn({ source: prefix }, text(msg)),
    error: (...msg) => logger.error({ source: prefix }, text(msg)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      prefix = next;
    },
  };
}
