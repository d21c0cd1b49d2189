import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../fakes/slack/payloads.js';
import type { FakeMessage } from '../fakes/slack/web-api-routes.js';
import { type AppRig, buttonsOf, startAppRig } from './app-rig.js';

const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: 'CASK',
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const ann = at('U1', 'ann');

describe('Slack end to end: `/k8s-quiz ask` (real app, real Bolt over HTTP, fake Slack)', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([
      { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true },
      { id: 'U1', name: 'ann', display_name: 'Ann' },
    ]);
    await rig.command(admin, 'setup locale=en');
  });
  afterAll(() => rig?.stop());

  it('GIVEN `ask pod phases` THEN the best answer comes ephemerally with the other matches as buttons; a press opens one', async () => {
    const replies = await rig.command(ann, 'ask pod phases');
    expect(replies.every((r) => r.response_type === 'ephemeral')).toBe(true);
    const text = JSON.stringify(replies);
    expect(text).toContain('Reference answer · Pod phases');
    expect(text).toContain('five phases of a Pod');
    const withButtons = replies.find((r) => buttonsOf(r as unknown as FakeMessage).length > 0);
    const others = buttonsOf(withButtons as unknown as FakeMessage);
    expect(others).toContain('k8sq:r:probe-lite');
    expect(others).not.toContain('k8sq:r:pod-phases-lite');

    const opened = await rig.press(ann, { ts: '1700000000.000100' } as FakeMessage, 'k8sq:r:probe-lite');
    expect(opened[0]?.response_type).toBe('ephemeral');
    expect(JSON.stringify(opened)).toContain('Reference answer · Probes');
    // Nothing of it reaches the channel.
    expect(rig.fake.state.messages.filter((m) => m.channel === 'CASK')).toEqual([]);
  });

  it('GIVEN `ask` with words found nowhere, or no words THEN a short ephemeral reply in the team’s language', async () => {
    const [none] = await rig.command(ann, 'ask banana smoothie');
    expect(none?.response_type).toBe('ephemeral');
    expect(String(none?.text)).toContain('No reference answer matches');
    const [usage] = await rig.command(ann, 'ask');
    expect(usage?.response_type).toBe('ephemeral');
    expect(JSON.stringify(usage)).toContain('at most 100 characters');
  });
});
