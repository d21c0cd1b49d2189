import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOfAction, commandOfForm, decodeAction, encodeAction } from '../../src/core/actions.js';
import { localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { REPORT_REASONS } from '../../src/core/reports.js';
import { dailyRoundId } from '../../src/core/round-ids.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;

describe('"this question is wrong" reports', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-23T01:30:00Z');
    team = await setUpTeam(h, 'C-report', { categories: ['observability'] });
  });
  afterAll(() => h.close());

  const press = (action: string, p: number | string = 1, at = team) =>
    h.engine.handle({ team: at.address, actor: player(p), command: commandOfAction(action) });
  const submit = (quizId: string, values: Record<string, string>, p: number | string = 1, at = team) =>
    h.engine.handle({
      team: at.address,
      actor: player(p),
      command: commandOfForm({ action: encodeAction({ kind: 'reportForm', quizId }), values }),
    });
  const reporters = async (quizId: string) =>
    (await h.engine.ctx.store.reports.all()).filter((r) => r.quizId === quizId).map((r) => r.playerId);

  /** Posts today's daily question and gives its item (undefined: nothing could be drawn). */
  async function drawToday(): Promise<string | undefined> {
    const outcome = await h.engine.postDaily(team.id, h.clock.now());
    const round = await h.engine.ctx.store.rounds.get(
      dailyRoundId(team.id, localDate(h.clock.now(), 'Asia/Shanghai')),
    );
    h.clock.time += DAY;
    return outcome === 'skipped' ? undefined : round?.quizId;
  }

  it('GIVEN a reveal THEN it carries a report button that opens the form privately: a reason to pick and an optional note', async () => {
    const quizId = await drawToday();
    const roundId = dailyRoundId(team.id, localDate(h.clock.now() - DAY, 'Asia/Shanghai'));
    await h.engine.closeRound(roundId);
    const reveal = h.outbox.posts.at(-1)?.view;
    const button = reveal?.buttons?.find((b) => decodeAction(b.action)?.kind === 'report');
    expect(button?.label).toBe('报告题目问题');
    expect(decodeAction(button?.action ?? '')).toEqual({ kind: 'report', quizId });

    const [form] = await press(button?.action ?? '');
    expect(form?.visibility).toBe('private');
    expect(form?.form?.action).toBe(encodeAction({ kind: 'reportForm', quizId: quizId ?? '' }));
    const [reason, note] = form?.form?.fields ?? [];
    expect(reason).toMatchObject({ kind: 'choice', id: 'reason', required: true });
    expect(reason?.kind === 'choice' && reason.options.map((o) => o.value)).toEqual([...REPORT_REASONS]);
    expect(note).toMatchObject({ kind: 'text', id: 'text', required: false, maxLength: 500 });
    // Where no dialog can open, the message's button opens the form again.
    expect(form?.buttons?.map((b) => b.action)).toEqual([button?.action]);
  });

  it('GIVEN a submitted report THEN it is kept with reporter, item and time; a second one by the same player replaces it', async () => {
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[0]?.id ?? '';
    const [first] = await submit(
      quizId,
      { reason: 'outdated', text: '  Fluentd is not the default any more ' },
      7,
    );
    expect(first).toMatchObject({ visibility: 'private', tone: 'success' });
    expect(first?.body).toContain('内容过时');
    const [again] = await submit(quizId, { reason: 'typo' }, 7);
    expect(again?.body).toContain('已更新');
    const kept = (await h.engine.ctx.store.reports.all()).filter((r) => r.quizId === quizId);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      playerId: 'u7',
      playerName: 'player 7',
      teamId: team.id,
      reason: 'typo',
    });
    expect(kept[0]?.text).toBeUndefined();
    expect(kept[0]?.at).toBe(h.clock.now());
    await h.engine.ctx.store.reports.clear(quizId);
  });

  it('GIVEN the same player reporting from another channel of the workspace THEN it is still one report', async () => {
    const other = await setUpTeam(h, 'C-report-2', { categories: ['observability'] });
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[1]?.id ?? '';
    await submit(quizId, { reason: 'unclear' }, 8);
    await submit(quizId, { reason: 'unclear' }, 8, other);
    expect(await reporters(quizId)).toEqual(['u8']);
    await h.engine.ctx.store.reports.clear(quizId);
  });

  it('GIVEN forged or incomplete submissions THEN a short private answer and nothing is kept', async () => {
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[0]?.id ?? '';
    const [noReason] = await submit(quizId, { reason: 'because' });
    expect(noReason?.body).toContain('请选择一个原因');
    const [unknownItem] = await submit('no-such-item', { reason: 'typo' });
    expect(unknownItem?.body).toContain('不在题库');
    const [expired] = await h.engine.handle({
      team: team.address,
      actor: player(1),
      command: commandOfForm({ action: 'k8sq:x:forged', values: { reason: 'typo' } }),
    });
    expect(expired?.body).toContain('表单已失效');
    const long = await submit(quizId, { reason: 'typo', text: 'x'.repeat(2000) }, 9);
    expect(long[0]?.tone).toBe('success');
    const kept = (await h.engine.ctx.store.reports.all()).find((r) => r.playerId === 'u9');
    expect(kept?.text).toHaveLength(500);
    expect(await reporters('no-such-item')).toEqual([]);
    await h.engine.ctx.store.reports.clear(quizId);
  });

  it('GIVEN an item reported by 3 different players THEN the daily question never draws it; clearing the reports releases it', async () => {
    const items = h.engine.ctx.bank.quizzesIn('observability').map((q) => q.id);
    expect(items.length).toBeGreaterThan(1);
    // Two reporters are not enough: the items are still drawn.
    for (const id of items) for (const p of [1, 2]) await submit(id, { reason: 'wrong-key' }, p);
    expect(items).toContain(await drawToday());
    // A third reporter on every item of the team's only category: nothing can be drawn.
    for (const id of items) await submit(id, { reason: 'outdated' }, 3);
    expect(await h.engine.ctx.store.reports.heldBack(3)).toEqual(new Set(items));
    expect(await drawToday()).toBeUndefined();
    expect(h.logger.lines.some((l) => l.msg === 'no quiz item available for the daily question')).toBe(true);

    const [released, ...held] = items as [string, ...string[]];
    expect(await h.engine.ctx.store.reports.clear(released)).toBe(3);
    for (let d = 0; d < 3; d++) expect(await drawToday()).toBe(released);
    for (const id of held) await h.engine.ctx.store.reports.clear(id);
  });
});
