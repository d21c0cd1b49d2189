import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartHeight } from '../../src/chart/bar-chart-svg.js';
import { ResvgCharts } from '../../src/chart/renderer.js';
import type { ChartRenderer } from '../../src/core/chart.js';
import { QuizEngine } from '../../src/core/engine.js';
import { localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { weeklyChart } from '../../src/core/views/weekly-chart.js';
import { translator } from '../../src/i18n/catalog.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;
const t = translator('zh-CN');

describe('the weekly chart: accuracy by category', () => {
  it('GIVEN tallies THEN one bar per answered category, weakest first, with percent and counts; none answered: no chart', () => {
    const chart = weeklyChart(
      '2026-W48',
      [
        { category: 'pods', answered: 4, correct: 3 },
        { category: 'networking', answered: 5, correct: 1 },
        { category: 'security', answered: 0, correct: 0 },
        { category: 'storage-config', answered: 2, correct: 1 },
      ],
      (id) => `名称-${id}`,
      t,
    );
    expect(chart?.title).toBe('各分类正确率 · 2026-W48');
    expect(chart?.bars).toEqual([
      { label: '名称-networking', value: 0.2, note: '20% (1/5)' },
      { label: '名称-storage-config', value: 0.5, note: '50% (1/2)' },
      { label: '名称-pods', value: 0.75, note: '75% (3/4)' },
    ]);
    expect(
      weeklyChart('2026-W48', [{ category: 'pods', answered: 0, correct: 0 }], (id) => id, t),
    ).toBeUndefined();
  });
});

describe('the weekly announcement with its chart', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-23T01:30:00Z'); // Monday 09:30 Shanghai
    team = await setUpTeam(h, 'C-chart');
    // Three days: two players, one always right, one always wrong.
    for (let d = 0; d < 3; d++) {
      await h.engine.postDaily(team.id, h.clock.now());
      const roundId = dailyRoundId(team.id, localDate(h.clock.now(), 'Asia/Shanghai'));
      const round = await h.engine.ctx.store.rounds.get(roundId);
      if (!round) throw new Error('no round');
      for (const [p, right] of [
        [1, true],
        [2, false],
      ] as const)
        await h.engine.handle({
          team: team.address,
          actor: player(p),
          command: {
            name: 'answer',
            roundId,
            choice: right ? round.answer : (round.answer + 1) % round.optionCount,
          },
        });
      await h.engine.closeRound(roundId);
      h.clock.time += DAY;
    }
  });
  afterAll(() => h.close());

  const weekly = async (charts: ChartRenderer) => {
    const engine = new QuizEngine({ ...h.engine.ctx, charts });
    const before = h.outbox.posts.length;
    h.clock.time = Date.parse('2026-11-30T02:00:00Z');
    expect(await engine.postWeekly(team.id, h.clock.now())).toBe('posted');
    return h.outbox.posts.slice(before).find((p) => p.view.title?.startsWith('上周战报'))?.view;
  };

  it('GIVEN last week’s answers THEN the announcement carries a PNG chart of the categories, Chinese names drawn', async () => {
    const view = await weekly(new ResvgCharts());
    const image = view?.image;
    expect(image?.name).toBe('k8s-quiz-2026-W48.png');
    const png = Buffer.from(image?.png ?? []);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const bars = (await h.engine.ctx.store.boards.weekTallies(team.id, '2026-W48')).length;
    expect(bars).toBe(3);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 2 * chartHeight(bars)]);
    expect(image?.alt).toMatch(/^各分类正确率 · 2026-W48; .+: 50% \(1\/2\)/);
    expect(view?.fields?.length).toBeGreaterThan(0);
  });

  it('GIVEN the chart cannot be drawn THEN the text announcement still goes out, and the failure is logged', async () => {
    const broken: ChartRenderer = {
      barChart: async () => {
        throw new Error('no font');
      },
    };
    // This week so far (a Sunday of the same week): the announcement of the same answers.
    const engine = new QuizEngine({ ...h.engine.ctx, charts: broken });
    const before = h.outbox.posts.length;
    h.clock.time = Date.parse('2026-11-29T02:00:00Z');
    expect(await engine.postWeekly(team.id, h.clock.now(), 'current')).toBe('posted');
    const view = h.outbox.posts.slice(before).at(-1)?.view;
    expect(view?.title).toBe('本周至今 · 2026-W48');
    expect(view?.image).toBeUndefined();
    expect(
      h.logger.lines.some((l) => l.msg === 'weekly chart could not be drawn; posting the text alone'),
    ).toBe(true);
  });
});
