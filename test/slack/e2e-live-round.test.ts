import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../fakes/slack/payloads.js';
import type { FakeMessage } from '../fakes/slack/web-api-routes.js';
import { type AppRig, buttonsOf, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CLIVE';
const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: channel,
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const [p1, p2, p3] = [at('U1', 'ann'), at('U2', 'ben'), at('U3', 'cat')] as const;
const texts = (replies: Record<string, unknown>[]) => replies.map((r) => String(r.text));

describe('Slack end to end: a live round (real app, real Bolt over HTTP, fake Slack, real Redis)', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([
      { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true },
      { id: 'U1', name: 'ann', display_name: 'Ann' },
      { id: 'U2', name: 'ben', display_name: 'Ben' },
      { id: 'U3', name: 'cat', display_name: 'Cat' },
    ]);
  });
  afterAll(() => rig?.stop());

  const questionMessages = () =>
    rig.fake.state.messages.filter((m) => m.channel === channel && m.text.startsWith('Question'));

  it('GIVEN `/k8s-quiz start 2 10` THEN four buttons, presses answered privately, the timer closes, one reveal each, standings', async () => {
    const setup = await rig.command(admin, 'setup locale=en');
    expect(setup.some((r) => String(r.text).length > 0)).toBe(true);

    const started = await rig.command(p1, 'start 2 10');
    expect(started[0]?.response_type).toBe('in_channel');
    expect(JSON.stringify(started)).toContain('Ann');

    // Question 1: posted by the job through chat.postMessage, one button per option.
    const q1 = await rig.fake.waitFor(() => questionMessages()[0], 10_000, 'question 1');
    const buttons = buttonsOf(q1);
    expect(buttons).toHaveLength(4);
    const openedAt = Date.now();

    const first = await rig.press(p1, q1, buttons[0] ?? '');
    const second = await rig.press(p2, q1, buttons[1] ?? '');
    const again = await rig.press(p1, q1, buttons[3] ?? '');
    const third = await rig.press(p3, q1, buttons[2] ?? '');
    for (const reply of [first, second, third, again]) expect(reply[0]?.response_type).toBe('ephemeral');
    expect(texts(first)[0]).toMatch(/Recorded \*?A/);
    expect(texts(second)[0]).toMatch(/Recorded \*?B/);
    expect(texts(again)[0]).toMatch(/already chose \*?A/);
    // Slack thinks the ack of Cat's press was lost and delivers it again: it counts once, one reply.
    expect(await rig.redeliverLastPress()).toHaveLength(1);

    // Nobody sees a reveal before the 10 seconds are up.
    expect(messagesTitled(rig.fake, channel, 'Reveal')).toHaveLength(0);
    await rig.fake.waitFor(() => q1.updates.length > 0, 15_000, 'question 1 closed');
    expect(Date.now() - openedAt).toBeGreaterThan(8000);
    expect(buttonsOf(q1)).toEqual([]);
    const reveal1 = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Reveal')[0],
      5000,
      'reveal 1',
    );
    const roundId = buttons[0]?.split(':')[2] ?? '';
    const results = await rig.app.engine.ctx.store.rounds.results(roundId);
    expect(results?.answers.map((a) => a.playerId).sort()).toEqual(['U1', 'U2', 'U3']);
    expect(JSON.stringify(reveal1.blocks)).toMatch(/k8sq:r:/); // the reference-answer button

    // A press on the closed question, or with a forged action id, gets a polite private no.
    for (const actionId of [buttons[1] ?? '', 'k8sq:a:no-such-round:1', 'forged<@U1>']) {
      const late = await rig.press(p2, q1, actionId);
      expect([late[0]?.response_type, late[0]?.text]).toEqual([
        'ephemeral',
        expect.stringMatching(/question is closed/),
      ]);
    }
    expect((await rig.app.engine.ctx.store.rounds.results(roundId))?.answers).toHaveLength(3);

    // Question 2: everyone who answered question 1 answers → it closes early.
    const q2 = await rig.fake.waitFor(() => questionMessages()[1], 10_000, 'question 2');
    const buttons2 = buttonsOf(q2);
    expect(buttons2).toHaveLength(4);
    const round2 = await rig.app.engine.ctx.store.rounds.get(buttons2[0]?.split(':')[2] ?? '');
    const right = round2?.answer ?? 0;
    const wrong = (right + 1) % 4;
    const q2At = Date.now();
    await rig.press(p1, q2, buttons2[right] ?? '');
    for (const p of [p2, p3]) await rig.press(p, q2, buttons2[wrong] ?? '');
    await rig.fake.waitFor(() => q2.updates.length > 0, 10_000, 'question 2 closed');
    expect(Date.now() - q2At).toBeLessThan(8000);

    const standings = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Round over')[0],
      10_000,
      'standings',
    );
    expect(JSON.stringify(standings.blocks)).toContain('Ann'); // right on question 2
    // One reveal per question, and each question message was closed exactly once.
    expect(messagesTitled(rig.fake, channel, 'Reveal')).toHaveLength(2);
    for (const q of [q1, q2] as FakeMessage[]) expect(q.updates).toHaveLength(1);
    expect(rig.fake.calls.filter((c) => c.reply.ok !== true)).toEqual([]);
  }, 60_000);
});
