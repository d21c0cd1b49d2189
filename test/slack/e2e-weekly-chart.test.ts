import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamIdOf } from '../../src/core/model.js';
import type { Place } from '../fakes/slack/payloads.js';
import { type AppRig, buttonsOf, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CCHART';
const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: channel,
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const [ann, ben] = [at('U1', 'ann'), at('U2', 'ben')] as const;
const teamId = teamIdOf({ platform: 'slack', workspaceId: 'T0001', channelId: channel });

describe('Slack end to end: the weekly chart (files.uploadV2)', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([
      { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true },
      { id: 'U1', name: 'ann', display_name: 'Ann' },
      { id: 'U2', name: 'ben', display_name: 'Ben' },
    ]);
    await rig.command(admin, 'setup locale=en');
    await rig.runDaily(admin);
    const question = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Question')[0],
      15_000,
      'question',
    );
    const buttons = buttonsOf(question);
    await rig.press(ann, question, buttons[0] ?? '');
    await rig.press(ben, question, buttons[1] ?? '');
    await rig.app.queue.add('close', { roundId: buttons[0]?.split(':')[2] });
    await rig.fake.waitFor(() => messagesTitled(rig.fake, channel, 'Reveal')[0], 15_000, 'reveal');
  }, 60_000);
  afterAll(() => rig?.stop());

  const weekly = async (n: number) => {
    await rig.app.queue.add('weekly', { teamId, at: Date.now(), scope: 'current' });
    return rig.fake.waitFor(
      () =>
        rig.fake.state.messages
          .filter((m) => m.channel === channel && m.text.startsWith('This week'))
          .at(n - 1),
      30_000,
      `weekly post ${n}`,
    );
  };

  it('GIVEN the week’s answers THEN the announcement is posted and its PNG chart uploaded into the channel', async () => {
    await weekly(1);
    const file = await rig.fake.waitFor(
      () => [...rig.fake.state.files.values()].find((f) => f.channel),
      15_000,
      'the chart',
    );
    expect(file.filename).toMatch(/^k8s-quiz-\d{4}-W\d\d\.png$/);
    expect(file.data?.subarray(1, 4).toString()).toBe('PNG');
    expect(file.data?.readUInt32BE(16)).toBe(1600);
    expect(file.altText).toMatch(/^Accuracy by category · \d{4}-W\d\d; Pods: \d+% \(\d\/2\)/);
    expect(rig.fake.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(rig.fake.okCallsOf('files.completeUploadExternal')).toHaveLength(1);
  });

  it('GIVEN Slack refuses the upload (no files:write) THEN the text announcement still goes out', async () => {
    rig.fake.state.scopes.delete('files:write');
    const shared = [...rig.fake.state.files.values()].filter((f) => f.channel).length;
    const post = await weekly(2);
    expect(post.blocks.length).toBeGreaterThan(0);
    await rig.fake.waitFor(
      () =>
        rig.logger.lines.some(
          (l) => l.msg === 'slack: the picture was refused; the message stands without it',
        ),
      15_000,
      'the refusal logged',
    );
    expect([...rig.fake.state.files.values()].filter((f) => f.channel)).toHaveLength(shared);
    expect(rig.fake.callsOf('files.getUploadURLExternal').at(-1)?.reply).toMatchObject({
      ok: false,
      error: 'missing_scope',
    });
    expect((await rig.app.engine.ctx.store.teams.get(teamId))?.settings.paused).toBe(false);
  });
});
