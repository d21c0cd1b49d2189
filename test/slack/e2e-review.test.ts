import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnFromRound } from '../../src/core/deck.js';
import { teamIdOf } from '../../src/core/model.js';
import { PlaygroundClock } from '../../src/platforms/console/playground-clock.js';
import type { Place } from '../fakes/slack/payloads.js';
import type { FakeMessage } from '../fakes/slack/web-api-routes.js';
import { type AppRig, buttonsOf, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CREVIEW';
const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: channel,
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const ann = at('U1', 'ann');
const TEAM = teamIdOf({ platform: 'slack', workspaceId: 'T0001', channelId: channel });
const DAY = 24 * 3600_000;

/** A response_url post as the message a press is made on (only its blocks matter). */
const asMessage = (body: Record<string, unknown> | undefined) =>
  ({ ts: '1700000000.000100', ...body }) as unknown as FakeMessage;

/** Buttons with their labels and styles, from the blocks of a reply. */
const buttonDetails = (body: Record<string, unknown> | undefined) =>
  (
    (body?.blocks ?? []) as {
      type: string;
      elements?: { action_id: string; text: { text: string }; style?: string }[];
    }[]
  )
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ action: e.action_id, label: e.text.text, style: e.style }));

describe('Slack end to end: `/k8s-quiz review` (real app, real Bolt over HTTP, fake Slack)', () => {
  // Real time plus what the test moves it ahead.
  const clock = new PlaygroundClock();
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig(
      [
        { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true },
        { id: 'U1', name: 'ann', display_name: 'Ann' },
        { id: 'U2', name: 'ben', display_name: 'Ben' },
      ],
      { clock },
    );
    await rig.command(admin, 'setup locale=en');
  }, 60_000);
  afterAll(() => rig?.stop());

  it('GIVEN a missed daily question THEN review answers ephemerally: nothing due that day, the item the next day, its answer and grades; nothing reaches the channel or the board', async () => {
    await rig.runDaily(admin);
    const question = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Question')[0],
      15_000,
      'question',
    );
    const roundId = buttonsOf(question)[0]?.split(':')[2] ?? '';
    const round = await rig.app.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no daily round');
    const wrong = buttonsOf(question)[(round.answer + 1) % round.optionCount] ?? '';
    await rig.press(ann, question, wrong);
    await rig.app.queue.add('close', { roundId });
    await rig.fake.waitFor(() => messagesTitled(rig.fake, channel, 'Reveal')[0], 15_000, 'reveal');
    const board = () => rig.app.engine.ctx.store.boards.board(TEAM, 'all', 10, 'U1');
    const before = await board();
    const channelMessages = rig.fake.state.messages.filter((m) => m.channel === channel).length;

    const [nothing] = await rig.command(ann, 'review');
    expect(nothing?.response_type).toBe('ephemeral');
    expect(JSON.stringify(nothing)).toMatch(/Nothing due — next review on \w{3} \d{1,2}, \d{4}\./);

    clock.advance(DAY);
    const [item] = await rig.command(ann, 'review');
    expect(item?.response_type).toBe('ephemeral');
    expect(JSON.stringify(item)).toContain('1 item due today · review answers never change the leaderboards');
    expect(buttonsOf(asMessage(item))).toEqual(
      Array.from({ length: round.optionCount }, (_, i) => `k8sq:v:${round.quizId}:${i}`),
    );

    const [result] = await rig.press(
      ann,
      asMessage(item),
      `k8sq:v:${round.quizId}:${(round.answer + 1) % round.optionCount}`,
    );
    expect(result?.response_type).toBe('ephemeral');
    expect(JSON.stringify(result)).toContain('Not quite · ');
    expect(JSON.stringify(result)).toContain('Graded Again — next review on');
    const grades = buttonDetails(result);
    expect(grades.map((b) => b.label)).toEqual(['Reference answer', 'Again', 'Hard', 'Good', 'Easy']);
    expect(grades.filter((b) => b.style === 'primary').map((b) => b.label)).toEqual(['Again']);
    const lapsedDue = (await rig.app.engine.ctx.store.decks.card(TEAM, 'U1', round.quizId))?.memory.due ?? 0;

    const graded = await rig.press(ann, asMessage(result), grades[3]?.action ?? '');
    const said = JSON.stringify(graded);
    expect(said).toContain('Graded Good — next review on');
    expect(said).toContain('Nothing due — next review on');
    expect(graded.every((r) => r.response_type === 'ephemeral')).toBe(true);
    const card = await rig.app.engine.ctx.store.decks.card(TEAM, 'U1', round.quizId);
    expect(card?.pending?.grade).toBe('good');
    expect(card?.memory.due).toBeGreaterThan(lapsedDue);

    const [stats] = await rig.command(ann, 'stats');
    expect(JSON.stringify(stats)).toMatch(/Review deck.*0 due today · 0 of 1 learned · retention ≈ \d+%/);
    const [remind] = await rig.command(ann, 'review remind on');
    expect(JSON.stringify(remind)).toContain('Review reminder on');
    const [usage] = await rig.command(ann, 'review sometimes');
    expect(JSON.stringify(usage)).toContain('Usage: `/k8s-quiz review` or `/k8s-quiz review remind on|off`');

    expect(rig.fake.state.messages.filter((m) => m.channel === channel).length).toBe(channelMessages);
    expect(await board()).toEqual(before);
  }, 90_000);

  it('GIVEN reminders on THEN the daily job sends each player with items due one ephemeral message in the channel, once; a player who left is skipped and the channel keeps running', async () => {
    const { decks, teams } = rig.app.engine.ctx.store;
    const quizId = rig.app.bank.quizzes[0]?.id ?? '';
    for (const playerId of ['U2', 'U9']) {
      await decks.update(TEAM, playerId, quizId, () =>
        learnFromRound(undefined, quizId, false, clock.now() - DAY),
      );
      await decks.setReminder(TEAM, playerId, true);
    }
    const toBen = () => rig.fake.state.ephemerals.filter((e) => e.user === 'U2');
    const daily = async () => {
      await rig.app.queue.add('daily', { teamId: TEAM, at: clock.now() });
      await rig.fake.waitFor(
        () => (rig.logger.lines.some((l) => l.msg === 'refused for one player; skipped') ? true : undefined),
        15_000,
        'the reminder run',
      );
    };
    await daily();
    expect(toBen()).toEqual([
      {
        channel,
        user: 'U2',
        text: 'You have 1 review item due today: /k8s-quiz review in the k8s-quiz channel starts it.',
        blocks: expect.any(Array),
      },
    ]);
    const ran = rig.logger.lines.filter((l) => l.msg === 'job done').length;
    await rig.app.queue.add('daily', { teamId: TEAM, at: clock.now() });
    await rig.fake.waitFor(
      () => (rig.logger.lines.filter((l) => l.msg === 'job done').length > ran ? true : undefined),
      15_000,
      'the second run',
    );
    expect(toBen()).toHaveLength(1);
    expect(rig.fake.state.ephemerals.filter((e) => e.user === 'U9')).toEqual([]);
    expect((await teams.get(TEAM))?.settings.paused).toBe(false);
  }, 60_000);
});
