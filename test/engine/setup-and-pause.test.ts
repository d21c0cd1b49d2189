import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTeamsFile } from '../../src/config/load-config.js';
import type { TeamAddress } from '../../src/core/model.js';
import { parseCommandText } from '../../src/core/parse-command.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
/** Text a zod or other validator would write in English. */
const VALIDATOR_ENGLISH = /Invalid|expected|must be|option/i;

describe('setup, pause and resume do what they say', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-26T01:30:00Z'); // Thursday 09:30 in Shanghai
  });
  afterAll(() => h.close());

  const at = (channelId: string): TeamAddress => ({ platform: 'slack', workspaceId: 'W9', channelId });
  const admin = (address: TeamAddress, line: string) =>
    h.engine.handle({
      team: address,
      actor: player('admin', true),
      command: parseCommandText(line, h.config.live),
    });

  it('GIVEN setup categories=nonsense THEN it is refused with the list of categories and nothing is stored', async () => {
    const address = at('C-nonsense');
    const [reply] = await admin(address, 'setup categories=nonsense');
    expect(reply).toMatchObject({ visibility: 'private', tone: 'warning' });
    expect(reply?.body).toContain('未知的分类“nonsense”');
    expect(reply?.body).toContain('networking');
    expect(reply?.body).toContain('all');
    expect(await h.engine.ctx.store.teams.get('slack:W9:C-nonsense')).toBeUndefined();
  });

  it('GIVEN categories by id, English or Chinese name THEN they are stored as ids', async () => {
    const address = at('C-names');
    await admin(address, 'setup categories=pods,网络,Networking');
    const team = await h.engine.ctx.store.teams.get('slack:W9:C-names');
    expect(team?.settings.categories).toEqual(['pods', 'networking']);
  });

  it('GIVEN several bad values THEN one reply lists every problem in Chinese, with no validator English, and nothing changes', async () => {
    const address = at('C-many');
    await admin(address, 'setup daily=08:00');
    const [reply] = await admin(
      address,
      'setup locale=fr timezone=Mars/Olympus daily=25:00 weekly=someday@10:00 categories=nonsense color=red',
    );
    const lines = reply?.body?.split('\n') ?? [];
    expect(lines[0]).toBe('设置没有更改：');
    expect(lines.slice(1)).toHaveLength(6);
    expect(reply?.body).toContain('“fr”');
    expect(reply?.body).toContain('Mars/Olympus');
    expect(reply?.body).toContain('“25:00”');
    expect(reply?.body).toContain('“someday”不是星期');
    expect(reply?.body).toContain('“nonsense”');
    expect(reply?.body).toContain('color=red');
    expect(reply?.body).not.toMatch(VALIDATOR_ENGLISH);
    expect((await h.engine.ctx.store.teams.get('slack:W9:C-many'))?.settings.dailyTime).toBe('08:00');
  });

  it('GIVEN a bad weekly value THEN the error says what is wrong, not only the example', async () => {
    const [noTime] = await admin(at('C-weekly'), 'setup weekly=monday');
    expect(noTime?.body).toBe('weekly 需要写成“星期@时间”，例如 monday@10:00（收到“monday”）。');
    const [badTime] = await admin(at('C-weekly'), 'setup weekly=mon@9');
    expect(badTime?.body).toContain('weekly 需要 24 小时制的时间，例如 09:30（收到“9”）');
  });

  it('GIVEN setup locale=en with bad values THEN the problems are in English; a good one says the bank is Chinese', async () => {
    const [bad] = await admin(at('C-en'), 'setup locale=en timezone=Nowhere');
    expect(bad?.body).toBe(
      '"Nowhere" is not an IANA time zone name; write it like Asia/Shanghai or Europe/Berlin.',
    );
    const [done] = await admin(at('C-en'), 'setup locale=en timezone=Europe/Berlin');
    expect(done?.body).toContain('Time zone: Europe/Berlin');
    expect(done?.body).toContain('the question bank is in Chinese');
  });

  it('GIVEN daily=18:00 close=09:00 THEN it is accepted as open overnight and said so', async () => {
    const [done] = await admin(at('C-night'), 'setup daily=18:00 close=09:00');
    expect(done?.body).toContain('每日一题：18:00 发布，次日 09:00 揭晓');
    const team = await h.engine.ctx.store.teams.get('slack:W9:C-night');
    h.clock.set('2026-11-26T10:00:00Z'); // 18:00 in Shanghai
    await h.engine.postDaily(team?.id ?? '', h.clock.now());
    const question = h.outbox.posts.find((p) => p.team === team?.id)?.view;
    expect(question?.footer).toMatch(/^次日 09:00（Asia\/Shanghai）截止/);
    const [help] = await h.engine.handle({
      team: at('C-night'),
      actor: player(1),
      command: { name: 'help' },
    });
    expect(help?.body).toContain(
      '每天 18:00 发布一道 Kubernetes 面试题，次日 09:00 揭晓答案并计分（时区 Asia/Shanghai）',
    );
    h.clock.set('2026-11-26T01:30:00Z');
  });

  it('GIVEN pause twice and resume twice THEN the second of each answers privately and posts nothing', async () => {
    const address = at('C-twice');
    await admin(address, 'setup');
    const [paused] = await admin(address, 'pause');
    expect(paused).toMatchObject({ visibility: 'channel' });
    const [again] = await admin(address, 'pause');
    expect(again).toMatchObject({ visibility: 'private', body: expect.stringContaining('已经是暂停状态') });
    const [resumed] = await admin(address, 'resume');
    expect(resumed).toMatchObject({ visibility: 'channel' });
    const [running] = await admin(address, 'resume');
    expect(running).toMatchObject({ visibility: 'private', body: expect.stringContaining('正在运行') });
  });

  it("GIVEN resume before today's daily time THEN it says today; after it, or once today's question is out, tomorrow", async () => {
    const address = at('C-when');
    await admin(address, 'setup daily=10:00');
    h.clock.set('2026-11-26T01:30:00Z'); // 09:30 local
    await admin(address, 'pause');
    const [early] = await admin(address, 'resume');
    expect(early?.body).toBe('已恢复：今天 10:00 发布下一道每日一题。');
    h.clock.set('2026-11-26T02:30:00Z'); // 10:30 local
    await admin(address, 'pause');
    const [late] = await admin(address, 'resume');
    expect(late?.body).toBe('已恢复：明天 10:00 发布下一道每日一题。');
    // Before the time, but today's question was already posted (by hand): tomorrow too.
    h.clock.set('2026-11-26T01:30:00Z');
    await h.engine.postDaily('slack:W9:C-when', h.clock.now());
    await admin(address, 'pause');
    const [posted] = await admin(address, 'resume');
    expect(posted?.body).toContain('明天 10:00');
  });

  it('GIVEN a paused channel THEN a live round still starts (pause stops the scheduled posts only)', async () => {
    const address = at('C-paused-live');
    await admin(address, 'setup');
    await admin(address, 'pause');
    const [started] = await h.engine.handle({
      team: address,
      actor: player(3),
      command: parseCommandText('start 2', h.config.live),
    });
    expect(started).toMatchObject({
      visibility: 'channel',
      body: expect.stringContaining('开始了一轮 2 道题的问答'),
    });
  });

  it('GIVEN a channel whose categories yield no item THEN the daily job tells the channel once that day', async () => {
    // Settings stored before setup checked categories (or a category that left the bank).
    const team = await setUpTeam(h, 'C-empty', { categories: ['gone-category'] }, 'W9');
    const before = h.outbox.posts.length;
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('skipped');
    expect(await h.engine.postDaily(team.id, h.clock.now())).toBe('skipped');
    const notices = h.outbox.posts.slice(before).filter((p) => p.team === team.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.view).toMatchObject({ visibility: 'channel', tone: 'warning' });
    expect(notices[0]?.view.body).toContain('`/k8s-quiz setup categories=all`');
  });
});

describe('config/teams.yaml', () => {
  it('GIVEN an unknown category THEN loading it names file, line, field and the choices', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8sq-teams-'));
    try {
      const file = join(dir, 'teams.yaml');
      writeFileSync(
        file,
        [
          '- platform: slack',
          '  workspaceId: T1',
          '  channelId: C1',
          '  settings:',
          '    categories: [pods, nonsense]',
          '',
        ].join('\n'),
      );
      await expect(loadTeamsFile(file, ['pods', 'networking'])).rejects.toThrow(
        `${file}:5: [0].settings.categories[1]: unknown category "nonsense"; choose from: pods, networking`,
      );
      expect(await loadTeamsFile(file, ['pods', 'nonsense'])).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
