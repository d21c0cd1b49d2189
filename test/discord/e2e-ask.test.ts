import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld } from './e2e-harness.js';

const alice: FakePlayer = { id: '810000000000000001', name: 'Alice' };

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en' } });
});
afterAll(async () => world?.stop());

describe('`/k8s-quiz ask` on Discord, end to end', () => {
  test('GIVEN `ask words:QoS` THEN the QoS reference answer comes privately with more matches as buttons; a press opens one', async () => {
    const qos = world.app.bank.question('pod-qos-classes');
    const replies = await world.replies(world.command(alice, 'ask', { words: 'QoS' }));
    expect(replies.every((r) => r.ephemeral)).toBe(true);
    expect(DiscordWorld.text(replies[0])).toContain(`Reference answer · ${qos?.title}`);
    const withButtons = replies.find((r) => buttonsOf(r).length > 0) as FakeMessage;
    const buttons = buttonsOf(withButtons);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(4);
    expect(buttons.every((b) => b.custom_id.startsWith('k8sq:r:'))).toBe(true);

    const [opened] = await world.replies(world.press(alice, withButtons, 0));
    expect(opened?.ephemeral).toBe(true);
    const id = buttons[0]?.custom_id.split(':')[2] ?? '';
    expect(DiscordWorld.text(opened)).toContain(`Reference answer · ${world.app.bank.question(id)?.title}`);
    // Nothing of it reaches the channel.
    expect(world.fake.channelMessages(CHANNEL)).toEqual([]);
  }, 60_000);

  test('GIVEN words found nowhere THEN one short private reply in the team’s language', async () => {
    const [reply, ...more] = await world.replies(world.command(alice, 'ask', { words: 'banana smoothie' }));
    expect(more).toEqual([]);
    expect(reply?.ephemeral).toBe(true);
    expect(DiscordWorld.text(reply)).toContain('No reference answer matches "banana smoothie"');
  }, 60_000);
});
