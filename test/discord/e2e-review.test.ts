import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { learnFromRound } from '../../src/core/deck.js';
import { PlaygroundClock } from '../../src/platforms/console/playground-clock.js';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const alice: FakePlayer = { id: '810000000000000001', name: 'Alice' };
const DAY = 24 * 3600_000;

// Real time plus what the test moves it ahead, so platform calls and jobs run as usual.
const clock = new PlaygroundClock();
let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en', timezone: 'Europe/Berlin' }, clock });
});
afterAll(async () => world?.stop());

describe('`/k8s-quiz review` on Discord, end to end', () => {
  test('GIVEN a missed daily question THEN review is private: nothing due that day; the next day the item, its answer, the grades; the boards stay as they were', async () => {
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: clock.now() });
    const [question] = (await world.waitForPosts('the daily question', /^Question of the day/)) as [
      FakeMessage,
    ];
    const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2] ?? '';
    const round = await world.app.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no daily round');
    const wrong = (round.answer + 1) % round.optionCount;
    await world.replies(world.press(alice, question, wrong));
    await world.app.queue.add('close', { roundId });
    await world.waitForPosts('the reveal', /^Reveal ·/);
    const { boards } = world.app.engine.ctx.store;
    const board = () => boards.board(TEAM_ID, 'all', 10, alice.id);
    const before = await board();
    const channelPosts = world.fake.channelMessages(CHANNEL).length;

    const [nothing] = await world.replies(world.command(alice, 'review'));
    expect(nothing?.ephemeral).toBe(true);
    expect(DiscordWorld.text(nothing)).toMatch(/^Nothing due — next review on \w{3} \d{1,2}, \d{4}\.$/);

    clock.advance(DAY);
    const [item] = await world.replies(world.command(alice, 'review'));
    expect(item?.ephemeral).toBe(true);
    expect(DiscordWorld.text(item)).toContain(
      '1 item due today · review answers never change the leaderboards',
    );
    const answers = buttonsOf(item);
    expect(answers.map((b) => b.custom_id)).toEqual(
      Array.from({ length: round.optionCount }, (_, i) => `k8sq:v:${round.quizId}:${i}`),
    );

    const [result] = await world.replies(world.press(alice, item as FakeMessage, round.answer));
    expect(result?.ephemeral).toBe(true);
    expect(DiscordWorld.text(result)).toMatch(/^Right · /);
    expect(DiscordWorld.text(result)).toContain('Graded Good — next review on');
    const grades = buttonsOf(result);
    expect(grades.map((b) => b.label)).toEqual(['Reference answer', 'Again', 'Hard', 'Good', 'Easy']);
    // The default grade is the primary (blurple) one.
    expect(grades.find((b) => b.style === 1)?.label).toBe('Good');

    const graded = await world.replies(world.press(alice, result as FakeMessage, 2), 2);
    expect(graded.every((m) => m.ephemeral)).toBe(true);
    const said = graded.map((m) => DiscordWorld.text(m)).join('\n');
    expect(said).toMatch(/Graded Hard — next review on /);
    expect(said).toMatch(/Nothing due — next review on /);
    const card = await world.app.engine.ctx.store.decks.card(TEAM_ID, alice.id, round.quizId);
    expect(card?.pending?.grade).toBe('hard');

    const [stats] = await world.replies(world.command(alice, 'stats'));
    expect(DiscordWorld.text(stats)).toMatch(/Review deck\n0 due today · 0 of 1 learned · retention ≈ \d+%/);

    const [remind] = await world.replies(world.command(alice, 'review', { remind: 'on' }));
    expect(DiscordWorld.text(remind)).toContain('Review reminder on');
    expect(await world.app.engine.ctx.store.decks.reminded(TEAM_ID)).toEqual([alice.id]);

    // Everything was private, and the board is as it was.
    expect(world.fake.channelMessages(CHANNEL).length).toBe(channelPosts);
    expect(await board()).toEqual(before);
  }, 90_000);

  test('GIVEN reminders on THEN the daily job DMs each player with items due once (a second run sends nothing), and a player who takes no DMs is skipped without pausing the channel', async () => {
    const bruno: FakePlayer = { id: '810000000000000002', name: 'Bruno' };
    const carol: FakePlayer = { id: '810000000000000003', name: 'Carol' };
    const { decks, teams } = world.app.engine.ctx.store;
    const quizId = world.app.bank.quizzesIn('observability')[0]?.id ?? '';
    for (const p of [bruno, carol]) {
      await decks.update(TEAM_ID, p.id, quizId, () =>
        learnFromRound(undefined, quizId, false, clock.now() - DAY),
      );
      const [on] = await world.replies(world.command(p, 'review', { remind: 'on' }));
      expect(DiscordWorld.text(on)).toContain('Review reminder on');
    }
    world.fake.state.closedDms.add(carol.id);

    await world.app.queue.add('daily', { teamId: TEAM_ID, at: clock.now() });
    const dm = await world.fake.waitFor('a DM to Bruno', () => {
      const channel = world.fake.state.dmChannels.get(bruno.id);
      return channel ? world.fake.channelMessages(channel)[0] : undefined;
    });
    expect(DiscordWorld.text(dm)).toBe(
      'You have 1 review item due today: `/k8s-quiz review` in the k8s-quiz channel starts it.',
    );
    expect(dm.allowed_mentions).toEqual({ parse: [] });
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: clock.now() });
    await world.fake.waitFor('the second run', () =>
      world.logger.lines.filter((l) => l.msg === 'job done' && (l.obj as { job?: string }).job === 'daily')
        .length >= 3
        ? true
        : undefined,
    );
    const channel = world.fake.state.dmChannels.get(bruno.id) ?? '';
    expect(world.fake.channelMessages(channel)).toHaveLength(1);
    // Carol's DM channel was opened, and the message refused: nothing there, the channel still runs.
    expect(world.fake.channelMessages(world.fake.state.dmChannels.get(carol.id) ?? '')).toEqual([]);
    expect((await teams.get(TEAM_ID))?.settings.paused).toBe(false);
    // Alice reviewed her item for the coming days: no reminder today.
    expect(world.fake.state.dmChannels.has(alice.id)).toBe(false);
  }, 90_000);
});
