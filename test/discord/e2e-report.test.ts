import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { DiscordWorld, TEAM_ID } from './e2e-harness.js';

const alice: FakePlayer = { id: '810000000000000001', name: 'Alice' };
const bruno: FakePlayer = { id: '810000000000000002', name: 'Bruno' };

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en', timezone: 'Europe/Berlin' } });
});
afterAll(async () => world?.stop());

describe('reporting a question on Discord, end to end', () => {
  test('GIVEN a reveal THEN its report button opens a modal (reason select + note); submitting keeps one report per player', async () => {
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() });
    const [question] = (await world.waitForPosts('the daily question', /^Question of the day/)) as [
      FakeMessage,
    ];
    await world.replies(world.press(alice, question, 0));
    const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2];
    await world.app.queue.add('close', { roundId });
    const [reveal] = (await world.waitForPosts('the reveal', /^Reveal ·/)) as [FakeMessage];
    const labels = buttonsOf(reveal).map((b) => b.label);
    expect(labels).toEqual(['Reference answer', 'Report a problem']);
    const quizId = buttonsOf(reveal)[1]?.custom_id.split(':')[2] ?? '';

    const opened = world.press(alice, reveal, 1);
    const modal = await world.modalFor(opened);
    expect(world.fake.state.interactions.get(opened)?.callbackType).toBe(9);
    expect(world.fake.responsesTo(opened)).toEqual([]);
    expect(modal).toMatchObject({ custom_id: `k8sq:f:${quizId}`, title: 'Report a problem' });
    const [reason, note] = modal.components ?? [];
    expect(reason).toMatchObject({ type: 18, label: 'Reason', component: { type: 3, custom_id: 'reason' } });
    expect(reason?.component?.options?.map((o) => o.label)).toEqual([
      'Wrong answer key',
      'Outdated',
      'Unclear',
      'Typo',
    ]);
    expect(note).toMatchObject({
      type: 18,
      component: { type: 4, custom_id: 'text', style: 2, max_length: 500 },
    });

    const sent = await world.submitModal(alice, opened, { reason: 'outdated', text: 'GA since 1.30' });
    const [thanks] = await world.replies(sent);
    expect(thanks?.ephemeral).toBe(true);
    expect(DiscordWorld.text(thanks)).toContain('Thanks! Your report (Outdated) is recorded');

    const again = world.press(alice, reveal, 1);
    const [updated] = await world.replies(await world.submitModal(alice, again, { reason: 'typo' }));
    expect(DiscordWorld.text(updated)).toContain('Your report on this question is updated (Typo)');
    await world.replies(await world.submitModal(bruno, world.press(bruno, reveal, 1), { reason: 'unclear' }));

    const kept = await world.app.engine.ctx.store.reports.all();
    const byName = [...kept].sort((a, b) => a.playerName.localeCompare(b.playerName));
    expect(byName.map((r) => [r.quizId, r.playerName, r.reason, r.text])).toEqual([
      [quizId, 'Alice', 'typo', undefined],
      [quizId, 'Bruno', 'unclear', undefined],
    ]);
    expect(kept.every((r) => r.teamId === TEAM_ID)).toBe(true);
  }, 90_000);

  test('GIVEN a submission without a reason, or for a form the bot does not know THEN a short private answer and nothing kept', async () => {
    const before = (await world.app.engine.ctx.store.reports.all()).length;
    const reveal = world.posts(/^Reveal ·/)[0] as FakeMessage;
    const [noReason] = await world.replies(await world.submitModal(alice, world.press(alice, reveal, 1), {}));
    expect(noReason?.ephemeral).toBe(true);
    expect(DiscordWorld.text(noReason)).toContain('Pick a reason');
    const forged = world.press(bruno, reveal, 1);
    await world.modalFor(forged);
    const record = world.fake.state.interactions.get(forged);
    if (record?.modal) record.modal.custom_id = 'k8sq:f:no-such-item';
    const [unknown] = await world.replies(await world.submitModal(bruno, forged, { reason: 'typo' }));
    expect(DiscordWorld.text(unknown)).toContain('no longer in the bank');
    expect((await world.app.engine.ctx.store.reports.all()).length).toBe(before);
  }, 90_000);
});
