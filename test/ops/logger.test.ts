import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { secretsOf } from '../../src/config/env.js';
import { createLogger, REDACTED } from '../../src/ops/logger.js';

const env = {
  DISCORD_TOKEN: 'MTIz.discord-token-value.abc',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-slacktoken',
  SLACK_SIGNING_SECRET: '8f14e45fceea167a5a36dedd4bea2543',
  SLACK_APP_TOKEN: 'xapp-1-A111-appleveltoken',
  REDIS_URL: 'redis://default:redis-pass-word@redis.internal:6379/0',
};

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'info', fd: 1, secrets: secretsOf(env), destination, pretty: false });
  return { logger, lines };
}

describe('log lines', () => {
  it('GIVEN secrets inside messages, error texts, URLs and nested objects THEN no token, signing secret or Redis password appears in any line', () => {
    const { logger, lines } = capture();
    logger.error(
      { err: `request to https://x/api?token=${env.SLACK_BOT_TOKEN} failed` },
      'slack: call failed',
    );
    logger.warn({ headers: { authorization: `Bot ${env.DISCORD_TOKEN}` } }, 'discord: refused');
    logger.info({ config: { token: 'short', signingSecret: env.SLACK_SIGNING_SECRET } }, 'config');
    logger.info({ redis: env.REDIS_URL }, `connecting ${env.SLACK_APP_TOKEN}`);
    logger.error({ err: new Error(`auth failed for ${env.DISCORD_TOKEN}`) }, 'error object');
    const all = lines.join('');
    for (const secret of [...Object.values(env).slice(0, 4), 'redis-pass-word', 'short'])
      expect(all).not.toContain(secret);
    expect(all.split(REDACTED).length - 1).toBeGreaterThanOrEqual(7);
  });

  it('GIVEN an event THEN it is one JSON line with level, time and the context given', () => {
    const { logger, lines } = capture();
    logger.info({ job: 'daily', team: 'slack:T1:C1', ms: 12 }, 'job done');
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({
      level: 30,
      msg: 'job done',
      job: 'daily',
      team: 'slack:T1:C1',
      ms: 12,
    });
  });

  it('GIVEN LOG_LEVEL=warn THEN info lines are dropped', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'warn', fd: 1, secrets: [], destination, pretty: false });
    logger.info({}, 'quiet');
    logger.warn({}, 'loud');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});
