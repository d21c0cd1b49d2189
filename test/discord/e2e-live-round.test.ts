import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import { buttonPress, type FakePlayer } from '../fakes/discord/payloads.js';
import { postSignedInteraction, signingKeys } from '../fakes/discord/signed-interaction.js';
import { CHANNEL, DiscordWorld, GUILD, type Transport } from './e2e-harness.js';

const ann: FakePlayer = { id: '800000000000000001', name: 'Ann', admin: true };
const bob: FakePlayer = { id: '800000000000000002', name: 'Bob' };
const cai: FakePlayer = { id: '800000000000000003', name: 'Cai' };
const dee: FakePlayer = { id: '800000000000000004', name: 'Dee' };
const eveP: FakePlayer = { id: '800000000000000005', name: 'Eve' };

describe.each<Transport>(['gateway', 'http'])('a live round on Discord (%s), end to end', (transport) => {
  let world: DiscordWorld;
  beforeAll(async () => {
    world = await DiscordWorld.start({
      transport,
      config: (c) => ({ ...c, live: { ...c.live, pauseSeconds: 0 } }),
    });
  });
  afterAll(async () => world?.stop());

  const titled = (prefix: string) =>
    world.fake.channelMessages('722222222222222222').filter((m) => m.embeds[0]?.title?.startsWith(prefix));
  const waitTitled = (prefix: string, n = 1) =>
    world.fake.waitFor(
      `${n} post(s) titled ${prefix}`,
      () => titled(prefix).length >= n && titled(prefix),
      30_000,
    );
  const replyText = async (id: string) => DiscordWorld.text((await world.replies(id))[0]);

  test('GIVEN /k8s-quiz start count:2 seconds:10 and three players THEN presses are answered privately, the timer reveals once, and the round ends with standings', async () => {
    const setup = world.command(ann, 'setup', { locale: 'en' });
    expect(await replyText(setup)).toMatch(/enabled in this channel/);

    const start = world.command(ann, 'start', { count: 2, seconds: 10 });
    const [announcement] = await world.replies(start);
    expect(announcement).toMatchObject({ ephemeral: false });
    expect(DiscordWorld.text(announcement)).toContain(
      'Ann started a live round of 2 questions, 10 seconds each.',
    );

    // Question 1: an embed with four buttons A–D, posted to the channel through the REST API.
    const [q1] = (await waitTitled('Question 1/2')) as [FakeMessage];
    expect(buttonsOf(q1).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(buttonsOf(q1).every((b) => b.custom_id.length <= 100 && !b.disabled)).toBe(true);
    const postedAt = Date.now();

    if (transport === 'http') {
      // A press signed with another key is refused before anything is recorded (the split below stays 3 × 33 %).
      const eve = buttonPress(world.fake.place(GUILD, CHANNEL), eveP, q1, buttonsOf(q1)[3]?.custom_id ?? '');
      const forged = await postSignedInteraction(world.fake.interactionsUrl ?? '', signingKeys(), {
        body: eve,
      });
      expect(forged.status).toBe(401);
    }
    const presses = [world.press(bob, q1, 0), world.press(cai, q1, 1), world.press(dee, q1, 2)];
    const answers = await Promise.all(presses.map((id) => world.replies(id)));
    expect(answers.map(([m]) => m?.ephemeral)).toEqual([true, true, true]);
    expect(answers.map(([m]) => DiscordWorld.text(m))).toEqual([
      'Recorded **A** — results when this question closes.',
      'Recorded **B** — results when this question closes.',
      'Recorded **C** — results when this question closes.',
    ]);
    const again = world.press(bob, q1, 3);
    const [refused] = await world.replies(again);
    expect(refused?.ephemeral).toBe(true);
    expect(DiscordWorld.text(refused)).toBe('You already chose **A**; one answer per player.');
    for (const id of [...presses, again]) {
      const record = world.fake.state.interactions.get(id);
      expect((record?.callbackAt ?? Infinity) - (record?.dispatchedAt ?? 0)).toBeLessThan(3000);
    }

    // The timer closes question 1: buttons disabled on the question, the reveal posted once.
    const [reveal1] = (await waitTitled('Reveal ·')) as [FakeMessage];
    expect(Date.now() - postedAt).toBeGreaterThanOrEqual(8_000);
    expect(q1.edits).toBe(1);
    expect(buttonsOf(q1).map((b) => b.disabled)).toEqual([true, true, true, true]);
    const split = DiscordWorld.text(reveal1);
    expect(split.match(/ 1 \(33%\)/g)).toHaveLength(3);
    expect(split).toMatch(/`D` ░+ 0 \(0%\)/);

    // Question 2 closes early once everyone from question 1 has answered it.
    const q2 = (await waitTitled('Question 2/2'))[0] as FakeMessage;
    const q2At = Date.now();
    await Promise.all(
      [world.press(bob, q2, 0), world.press(cai, q2, 1), world.press(dee, q2, 2)].map((id) =>
        world.replies(id),
      ),
    );
    await waitTitled('Reveal ·', 2);
    expect(Date.now() - q2At).toBeLessThan(8_000);
    expect(buttonsOf(q2).every((b) => b.disabled)).toBe(true);

    // The standings add up what the two reveals awarded (or say nobody scored).
    const [standings] = (await waitTitled('Round over · standings')) as [FakeMessage];
    const awarded = new Map<string, number>();
    for (const reveal of titled('Reveal ·')) {
      for (const [, name = '', points] of DiscordWorld.text(reveal).matchAll(
        /^\d+\\\. (\w+) \+(\d+) pts/gm,
      )) {
        awarded.set(name, (awarded.get(name) ?? 0) + Number(points));
      }
    }
    const standingsText = DiscordWorld.text(standings);
    if (awarded.size === 0) expect(standingsText).toContain('Nobody scored this round.');
    for (const [name, points] of awarded) expect(standingsText).toContain(`${name} — ${points} pts`);
    await new Promise((r) => setTimeout(r, 500));
    expect(titled('Reveal ·')).toHaveLength(2);
    expect(titled('Round over')).toHaveLength(1);
    expect([q1.edits, q2.edits]).toEqual([1, 1]);
    if (transport === 'http') {
      // Every interaction came over HTTP and was answered in its response; no gateway session.
      expect(world.fake.gateway.identifies).toEqual([]);
      expect(world.fake.requestsTo('POST', /^\/interactions\//)).toEqual([]);
      const sent = [...world.fake.state.interactions.keys()];
      expect(sent).toHaveLength(9);
      expect(world.fake.deliveries.map((d) => d.id).sort()).toEqual(sent.sort());
      expect(world.fake.deliveries.filter((d) => d.status !== 200 || d.refused)).toEqual([]);
    }
  }, 60_000);
});
