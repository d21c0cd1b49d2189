import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playground } from '../support/playground.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

const FOUR_PLAYERS = [
  ':run daily',
  ':as alice',
  ':press A',
  ':as bob',
  ':press B',
  ':as carol',
  ':press C',
  ':as dave',
  ':press D',
  ':run close',
  '/k8s-quiz leaderboard',
  '',
].join('\n');

describe('the terminal playground, piped', () => {
  let redis: LocalRedis;
  beforeAll(async () => {
    redis = await startLocalRedis();
  });
  afterAll(() => redis.stop());

  it('GIVEN four players pressing A, B, C and D and :run close THEN exactly one of them has points', async () => {
    const run = await playground(FOUR_PLAYERS, { REDIS_URL: `${redis.url}/1` });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    for (const name of ['alice', 'bob', 'carol', 'dave']) expect(run.out).toContain(`── (only ${name})`);
    const board = run.out.slice(run.out.lastIndexOf('本周排行榜'));
    const lines = board.split('\n').filter((l) => / — \d+ 分/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^🥇 (alice|bob|carol|dave) — 13 分$/);
  });

  it('GIVEN the same script on a fresh database THEN the transcript is the same', async () => {
    const first = await playground(FOUR_PLAYERS, { REDIS_URL: `${redis.url}/2` });
    const second = await playground(FOUR_PLAYERS, { REDIS_URL: `${redis.url}/3` });
    expect(second.out).toBe(first.out);
  });

  it('GIVEN no REDIS_URL, started from another directory THEN it runs its own redis-server with its data in DATA_DIR (append-only)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'k8sq-play-'));
    try {
      // Nothing in the working directory: content/ and config/ are found from the app itself.
      const run = await playground('/k8s-quiz help\n', { DATA_DIR: join(cwd, 'data') }, cwd);
      expect(run.code).toBe(0);
      expect(run.out).toContain('k8s-quiz 使用说明');
      expect(existsSync(join(cwd, 'data', 'appendonlydir'))).toBe(true);
      expect(existsSync(join(cwd, '.data'))).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('GIVEN no redis-server installed THEN it says how to install it, in one line', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'k8sq-bin-'));
    try {
      mkdirSync(join(bin, 'b'));
      symlinkSync(process.execPath, join(bin, 'b', 'node'));
      const run = await playground('', { PATH: join(bin, 'b') });
      expect(run.code).toBe(1);
      expect(run.err.trim()).toMatch(
        /^k8s-quiz: redis-server not found: install it \(Debian\/Ubuntu: `sudo apt-get install -y redis-server`/,
      );
      expect(run.err.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
