import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamIdOf } from '../../src/core/model.js';
import type { Round } from '../../src/core/round.js';
import { PlaygroundClock } from '../../src/platforms/console/playground-clock.js';
import type { Place } from '../fakes/slack/payloads.js';
import { type AppRig, buttonsOf, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CMASTERY';
const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: channel,
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const players = [at('U1', 'ann'), at('U2', 'bob'), at('U3', 'cat')];
const [ann] = players as [Place];
const TEAM = teamIdOf({ platform: 'slack', workspaceId: 'T0001', channelId: channel });
const DAY = 24 * 3600_000;

describe('Slack end to end: `/k8s-quiz stats team` (real app, real Bolt over HTTP, fake Slack)', () => {
  // Real time plus what the test moves it ahead.
  const clock = new PlaygroundClock();
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig(
      [
        { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true },
        { id: 'U1', name: 'ann', display_name: 'Ann' },
        { id: 'U2', name: 'bob', display_name: 'Bob' },
        { id: 'U3', name: 'cat', display_name: 'Cat' },
      ],
      { clock },
    );
    await rig.command(admin, 'setup locale=en');
  }, 60_000);
  afterAll(() => rig?.stop());

  /** The day's question through the real queue; all three answer right or all wrong; then the reveal. */
  async function day(n: number, right: boolean): Promise<Round> {
    await rig.app.queue.add('daily', { teamId: TEAM, at: clock.now() });
    const question = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Question')[n - 1],
      15_000,
      'question',
    );
    const roundId = buttonsOf(question)[0]?.split(':')[2] ?? '';
    const round = await rig.app.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no daily round');
    const choice = buttonsOf(question)[right ? round.answer : (round.answer + 1) % round.optionCount] ?? '';
    for (const p of players) await rig.press(p, question, choice);
    await rig.app.queue.add('close', { roundId });
    await rig.fake.waitFor(() => messagesTitled(rig.fake, channel, 'Reveal')[n - 1], 15_000, 'reveal');
    clock.advance(DAY);
    return round;
  }

  it('GIVEN a question everyone got right and one everyone missed THEN stats team answers ephemerally with both, weakest first; any other word is a player’s name', async () => {
    const strong = await day(1, true);
    const weak = await day(2, false);
    expect(weak.category).not.toBe(strong.category);
    const name = (id: string) => rig.app.bank.category(id)?.name.en ?? id;
    const channelMessages = rig.fake.state.messages.filter((m) => m.channel === channel).length;

    const [team, ...more] = await rig.command(ann, 'stats team');
    expect(more).toEqual([]);
    expect(team?.response_type).toBe('ephemeral');
    const text = JSON.stringify(team);
    expect(text).toContain('Team mastery · last 4 weeks');
    const weakLine = `${name(weak.category)}: 0% (0/3)`;
    const strongLine = `${name(strong.category)}: 100% (3/3)`;
    expect(text.indexOf(weakLine)).toBeGreaterThan(-1);
    expect(text.indexOf(weakLine)).toBeLessThan(text.indexOf(strongLine));
    expect(text).toContain('Weakest (last 4 weeks)');
    expect(text).toContain('Strongest (last 4 weeks)');

    // `stats` with a name is still a player's stats; one the team has never seen is a short reply.
    const [nobody] = await rig.command(ann, 'stats teamless');
    expect(nobody?.response_type).toBe('ephemeral');
    expect(JSON.stringify(nobody)).toContain('No record found for player');

    expect(rig.fake.state.messages.filter((m) => m.channel === channel).length).toBe(channelMessages);
  }, 90_000);
});
