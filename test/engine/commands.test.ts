import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { parseCommandText } from '../../src/core/parse-command.js';
import { DeliveryError } from '../../src/core/ports.js';
import { jobIds } from '../../src/jobs/queue-names.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();

describe('commands: rights, bad input and platform faults', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z');
    team = await setUpTeam(h, 'C-cmd');
  });
  afterAll(() => h.close());

  const text = (line: string, p: number | string = 1, admin = false, address = team.address) =>
    h.engine.handle({
      team: address,
      actor: player(p, admin),
      command: parseCommandText(line, h.config.live),
    });

  it('GIVEN a bad argument THEN a short private explanation names the valid values', async () => {
    const [count] = await text('start 99');
    expect(count).toMatchObject({ visibility: 'private' });
    expect(count?.body).toContain('1–20');
    const [seconds] = await text('start 5 200');
    expect(seconds?.body).toContain('10–120');
    const [scope] = await text('leaderboard monthly');
    expect(scope?.body).toContain('week|all|teams');
    const [category] = await text('start 3 nosuchthing');
    expect(category?.body).toContain('networking');
    const [unknown] = await text('dance');
    expect(unknown?.body).toContain('start, stop, daily');
    const [setting] = await text('setup timezone=Mars/Olympus', 'admin', true);
    expect(setting?.body).toContain('IANA');
    expect(setting?.body).toContain('Mars/Olympus');
  });

  it('GIVEN a non-admin THEN setup, pause and resume are refused and nothing changes', async () => {
    for (const sub of ['setup locale=en', 'pause', 'resume']) {
      const [reply] = await text(sub, 2);
      expect(reply).toMatchObject({ visibility: 'private' });
      expect(reply?.body).toContain('只有管理员');
    }
    expect((await h.engine.ctx.store.teams.get(team.id))?.settings).toMatchObject({
      locale: 'zh-CN',
      paused: false,
    });
  });

  it('GIVEN a channel nobody set up THEN commands point to setup, and setup by an admin registers it in English', async () => {
    const elsewhere = { platform: 'slack' as const, workspaceId: 'W1', channelId: 'C-new' };
    const [reply] = await text('daily', 1, false, elsewhere);
    expect(reply?.body).toContain('/k8s-quiz setup');
    const [done] = await text(
      'setup locale=en timezone=Europe/Berlin daily=08:00 weekly=fri@16:30',
      'admin',
      true,
      elsewhere,
    );
    expect(done).toMatchObject({ visibility: 'channel' });
    expect(done?.body).toContain('Time zone: Europe/Berlin');
    expect(done?.body).toContain('Weekly announcement: Friday 16:30');
    const schedulers = await h.queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === jobIds.dailyScheduler('slack:W1:C-new'))).toMatchObject({
      pattern: '0 8 * * *',
      tz: 'Europe/Berlin',
    });
  });

  it('GIVEN pause THEN the schedulers are removed and the daily job posts nothing; resume brings them back', async () => {
    const paused = await setUpTeam(h, 'C-pause');
    await text('pause', 'admin', true, paused.address);
    const keys = (await h.queue.getJobSchedulers()).map((s) => s.key);
    expect(keys).not.toContain(jobIds.dailyScheduler(paused.id));
    expect(await h.engine.postDaily(paused.id, h.clock.now())).toBe('skipped');
    await text('resume', 'admin', true, paused.address);
    expect((await h.queue.getJobSchedulers()).map((s) => s.key)).toContain(jobIds.dailyScheduler(paused.id));
  });

  it('GIVEN the channel refuses posts (403) THEN the team is paused, logged once, and the next command tells why', async () => {
    const faulty = await setUpTeam(h, 'C-403');
    h.outbox.failNext.push(new DeliveryError('permanent', 'Missing Access', undefined, 'forbidden'));
    expect(await h.engine.postDaily(faulty.id, h.clock.now())).toBe('refused');
    expect(await h.engine.postDaily(faulty.id, h.clock.now())).toBe('skipped');
    const stored = await h.engine.ctx.store.teams.get(faulty.id);
    expect(stored).toMatchObject({ fault: 'forbidden', settings: { paused: true } });
    const warnings = h.logger.lines.filter((l) => l.level !== 'info').map((l) => l.obj);
    expect(warnings.filter((w) => (w as { teamId?: string }).teamId === faulty.id)).toHaveLength(1);
    const [notice, reply] = await text('leaderboard', 3, false, faulty.address);
    expect(notice?.body).toContain('机器人没有在此频道发消息的权限');
    expect(reply?.title).toContain('本周排行榜');
    await text('resume', 'admin', true, faulty.address);
    expect((await h.engine.ctx.store.teams.get(faulty.id))?.fault).toBeUndefined();
  });

  it('GIVEN a rate limit THEN the worker retries the job after Retry-After and posts once', async () => {
    const limited = await setUpTeam(h, 'C-429');
    h.outbox.failNext.push(new DeliveryError('transient', 'rate limited', 300));
    const worker = h.startWorker();
    const before = h.outbox.posts.length;
    const started = Date.now();
    await h.queue.add(
      'daily',
      { teamId: limited.id, at: h.clock.now() },
      { attempts: 3, backoff: { type: 'platform' } },
    );
    for (let i = 0; i < 300 && h.outbox.posts.length === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(h.outbox.posts.length - before).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await worker.close();
  });

  it('GIVEN a forged press THEN the reply is "closed" and nothing is recorded', async () => {
    const [reply] = await h.engine.handle({
      team: team.address,
      actor: player(1),
      command: { name: 'answer', roundId: 'day-20261126-forgedxxxx', choice: 1 },
    });
    expect(reply).toMatchObject({ visibility: 'private', body: '这道题已经结束了。' });
  });
});
