import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBot } from '../support/bot-process.js';
import { freePort } from '../support/redis-server.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** No stack trace: no `    at …` frames, no `Error:` dumps. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |Error: .*\n\s+at /m);

describe.concurrent('start-up configuration (the real process)', () => {
  it('GIVEN bad values in several variables and in config/default.yaml THEN exit 1 listing every bad key with its reason, before connecting', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'k8sq-config-'));
    dirs.push(configDir);
    writeFileSync(
      join(configDir, 'default.yaml'),
      'team:\n  locale: xx\nscoring: {}\nlive: {}\nadmins: {}\nbogus: 1\n',
    );
    writeFileSync(join(configDir, 'teams.yaml'), '- platform: irc\n  workspaceId: w\n  channelId: c\n');
    const run = await runBot({
      REDIS_URL: 'redis://127.0.0.1:1', // never contacted: validation comes first
      ROLE: 'boss',
      DRAIN_SECONDS: '0',
      LOG_LEVEL: 'chatty',
      PORT: '70000',
      REDIS_PREFIX: 'has space',
      DISCORD_PUBLIC_KEY: 'not-a-key',
      CONFIG_DIR: configDir,
    });
    expect(run.code).toBe(1);
    for (const key of ['ROLE', 'DRAIN_SECONDS', 'LOG_LEVEL', 'PORT', 'REDIS_PREFIX', 'DISCORD_PUBLIC_KEY'])
      expect(run.stderr).toMatch(new RegExp(`^\\s+${key}: `, 'm'));
    expect(run.stderr).toMatch(/DISCORD_PUBLIC_KEY: must be the application public key, 64 hex characters/);
    expect(run.stderr).toMatch(/DISCORD_TOKEN: missing \(DISCORD_PUBLIC_KEY is set/);
    expect(run.stderr).toMatch(/default\.yaml:2: team\.locale/);
    expect(run.stderr).toMatch(/default\.yaml:\d+: .*bogus/);
    expect(run.stderr).toMatch(/teams\.yaml:1: \[?0\]?\.?platform/);
    expect(run.stderr).not.toMatch(/cannot reach Redis/);
    noStack(run.stderr);
  });

  it.each([
    ['foo', /REDIS_URL: must be a URL/],
    ['http://127.0.0.1:6379', /REDIS_URL: must start with redis:\/\/ or rediss:\/\//],
    ['redis://127.0.0.1:6379/zero', /REDIS_URL: the path must be a database number/],
  ])('GIVEN REDIS_URL=%s THEN one line naming REDIS_URL and exit 1', async (url, message) => {
    const run = await runBot({
      REDIS_URL: url,
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '900000000000000001',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(2); // the heading and the one problem
  });

  it('GIVEN a Redis nobody listens on THEN one line naming the URL with the password masked, exit 1, no hang (it exits by itself)', async () => {
    const port = await freePort();
    const run = await runBot({
      REDIS_URL: `redis://:hunter2secret@127.0.0.1:${port}/0`,
      DISCORD_TOKEN: 't',
      DISCORD_APPLICATION_ID: '900000000000000001',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `k8s-quiz: cannot reach Redis at redis://:***@127.0.0.1:${port}/0: connection refused`,
    );
    expect(run.stdout + run.stderr).not.toContain('hunter2secret');
  });

  it('GIVEN a Redis host that does not exist THEN one line saying so, exit 1', async () => {
    const run = await runBot({
      REDIS_URL: 'redis://no-such-host.invalid:6379',
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^k8s-quiz: cannot reach Redis at redis:\/\/no-such-host\.invalid:6379: /,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('GIVEN half-set credentials THEN an error naming each missing variable, exit 1 (not the playground)', async () => {
    const slack = await runBot({ SLACK_BOT_TOKEN: 'xoxb-alone' });
    expect(slack.code).toBe(1);
    expect(slack.stderr).toMatch(/SLACK_SIGNING_SECRET: missing \(SLACK_BOT_TOKEN is set; .*SLACK_APP_TOKEN/);
    const discord = await runBot({ DISCORD_TOKEN: 'alone', SLACK_SIGNING_SECRET: 'also-alone' });
    expect(discord.code).toBe(1);
    expect(discord.stderr).toMatch(/DISCORD_APPLICATION_ID: missing/);
    expect(discord.stderr).toMatch(/SLACK_BOT_TOKEN: missing/);
    expect(discord.stdout).toBe('');
  });

  it('GIVEN no credentials and neither a terminal nor a piped script THEN it says so and exits 1', async () => {
    const run = await runBot({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^k8s-quiz: no platform credentials and no terminal: the playground needs a terminal or a piped script/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('GIVEN ROLE=worker without any platform THEN exit 1 naming ROLE', async () => {
    const run = await runBot({ ROLE: 'worker' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ROLE: worker needs Discord or Slack credentials/);
  });
});
