import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Round } from '../../src/core/round.js';
import { PlaygroundClock } from '../../src/platforms/console/playground-clock.js';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const players: FakePlayer[] = [
  { id: '810000000000000001', name: 'Alice' },
  { id: '810000000000000002', name: 'Bob' },
  { id: '810000000000000003', name: 'Carol' },
];
const [alice] = players as [FakePlayer];
const DAY = 24 * 3600_000;

// Real time plus what the test moves it ahead, so platform calls and jobs run as usual.
const clock = new PlaygroundClock();
let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en', timezone: 'Europe/Berlin' }, clock });
});
afterAll(async () => world?.stop());

/** The day's question through the real queue; all three answer right or all wrong; then the reveal. */
async function day(n: number, right: boolean): Promise<Round> {
  await world.app.queue.add('daily', { teamId: TEAM_ID, at: clock.now() });
  const question = (await world.waitForPosts('the daily question', /^Question of the day/, n)).at(
    -1,
  ) as FakeMessage;
  const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2] ?? '';
  const round = await world.app.engine.ctx.store.rounds.get(roundId);
  if (!round) throw new Error('no daily round');
  for (const p of players)
    await world.replies(
      world.press(p, question, right ? round.answer : (round.answer + 1) % round.optionCount),
    );
  await world.app.queue.add('close', { roundId });
  await world.waitForPosts('the reveal', /^Reveal ·/, n);
  clock.advance(DAY);
  return round;
}

describe('`/k8s-quiz stats scope:team` on Discord, end to end', () => {
  test('GIVEN a question everyone got right and one everyone missed THEN stats team names both, privately; stats shows the player’s; a wrong scope gets the usage', async () => {
    const strong = await day(1, true);
    const weak = await day(2, false);
    expect(weak.category).not.toBe(strong.category);
    const name = (id: string) => world.app.bank.category(id)?.name.en ?? id;
    const channelPosts = world.fake.channelMessages(CHANNEL).length;

    const [team, ...more] = await world.replies(world.command(alice, 'stats', { scope: 'team' }));
    expect(more).toEqual([]);
    expect(team?.ephemeral).toBe(true);
    const text = DiscordWorld.text(team);
    expect(text).toContain('Team mastery · last 4 weeks');
    expect(text).toContain(
      `Accuracy in daily and live questions, weakest first (a category needs 3 answers to be called strongest or weakest):\n- ${name(weak.category)}: 0% (0/3)\n- ${name(strong.category)}: 100% (3/3)`,
    );
    expect(text).toContain(`Strongest (last 4 weeks)\n${name(strong.category)}: 100% (3/3)`);
    expect(text).toContain(`Weakest (last 4 weeks)\n${name(weak.category)}: 0% (0/3)`);

    // Alice's own stats: 1 answer per category is below mastery.minAnswers (3).
    const [mine] = await world.replies(world.command(alice, 'stats'));
    expect(DiscordWorld.text(mine)).toContain(
      'Last 4 weeks\nOnce a category has 3 answers, your strongest and weakest categories show here.',
    );

    // What an outdated registration could send: the usage, in the team's language.
    const [usage] = await world.replies(world.command(alice, 'stats', { scope: 'world' }));
    expect(usage?.ephemeral).toBe(true);
    expect(DiscordWorld.text(usage)).toContain('Usage: `/k8s-quiz stats [player]`');

    expect(world.fake.channelMessages(CHANNEL).length).toBe(channelPosts);
  }, 90_000);
});
