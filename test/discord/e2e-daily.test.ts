import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const players: FakePlayer[] = ['Alice', 'Bruno', 'Chen', 'Dora'].map((name, i) => ({
  id: `81000000000000000${i}`,
  name,
}));

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en', timezone: 'Europe/Berlin' } });
});
afterAll(async () => world?.stop());

describe('the daily question on Discord, end to end', () => {
  test('GIVEN a registered team WHEN the daily job runs THEN the question is posted to its channel; after the close, leaderboard shows the points', async () => {
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() });
    const [question] = (await world.waitForPosts('the daily question', /^Question of the day/)) as [
      FakeMessage,
    ];
    expect(question.channel_id).toBe(CHANNEL);
    expect(question.allowed_mentions).toEqual({ parse: [] });
    const buttons = buttonsOf(question);
    expect(buttons.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);

    const presses = players.map((p, i) => world.press(p, question, i));
    const replies = await Promise.all(presses.map((id) => world.replies(id)));
    expect(
      replies.every(
        ([r]) =>
          r?.ephemeral && /^Recorded \*\*[A-D]\*\* — results at \d\d:\d\d\.$/.test(DiscordWorld.text(r)),
      ),
    ).toBe(true);

    const roundId = buttons[0]?.custom_id.split(':')[2];
    await world.app.queue.add('close', { roundId });
    const [reveal] = (await world.waitForPosts('the reveal', /^Reveal ·/)) as [FakeMessage];
    expect(buttonsOf(question).every((b) => b.disabled)).toBe(true);
    const revealText = DiscordWorld.text(reveal);
    const letter = revealText.match(/Correct answer: \*\*([A-D])\./)?.[1] ?? '';
    const winner = players['ABCD'.indexOf(letter)] as FakePlayer;
    // Names are plain text: the line's `1.` is escaped so Discord does not turn it into a list.
    const points = Number(revealText.match(new RegExp(`1\\\\\\. ${winner.name} \\+(\\d+) pts`))?.[1]);
    expect(points).toBeGreaterThanOrEqual(10);

    const board = world.command(winner, 'leaderboard', { scope: 'week' });
    const [mine] = await world.replies(board);
    expect(mine?.ephemeral).toBe(true);
    const boardText = DiscordWorld.text(mine);
    expect(boardText).toContain(`🥇 ${winner.name} — ${points} pts`);
    expect(boardText).toContain(`You: #1, ${points} pts`);
    expect(boardText.match(/ pts/g)).toHaveLength(2);

    const loser = players.find((p) => p !== winner) as FakePlayer;
    const [theirs] = await world.replies(world.command(loser, 'leaderboard'));
    expect(DiscordWorld.text(theirs)).toContain('You have no points yet.');
  }, 60_000);
});
