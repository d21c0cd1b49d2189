import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import type { PostStep } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { SlackOutbox } from '../../src/platforms/slack/outbox.js';
import { outboxClient } from '../../src/platforms/slack/web-client.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { testTeam } from '../support/teams.js';
import { recordingLogger } from './support.js';

const team: Team = testTeam(
  { platform: 'slack', workspaceId: 'T0001', channelId: 'CIMG' },
  { timezone: 'UTC' },
);
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const view: View = {
  visibility: 'channel',
  title: 'Last week · 2026-W48',
  body: 'podium',
  image: { name: 'k8s-quiz-2026-W48.png', png, width: 1, height: 1, alt: 'Accuracy by category · 2026-W48' },
};

describe('Slack outbox: a View’s picture and a retried step', () => {
  let fake: FakeSlack;
  let outbox: SlackOutbox;
  beforeAll(async () => {
    fake = await FakeSlack.start();
    const logger = recordingLogger();
    outbox = new SlackOutbox(outboxClient('xoxb-test-token', fake.apiUrl, logger), logger);
  });
  afterAll(() => fake.stop());

  it('GIVEN a retried step whose message is already in the channel THEN neither the message nor the picture is sent again', async () => {
    const first: PostStep = {
      id: 'weekly:slack:T0001:CIMG:2026-W48',
      intendedAt: Date.now() - 1000,
      retry: false,
    };
    const { ref } = await outbox.post(team, view, first);
    const shared = () => [...fake.state.files.values()].filter((f) => f.channel === 'CIMG');
    expect(shared()).toHaveLength(1);
    expect(shared()[0]?.data?.equals(png)).toBe(true);

    // The job died after posting and ran again: the step is retried.
    const again = await outbox.post(team, view, { ...first, retry: true });
    expect(again).toEqual({ ref, found: true });
    expect(fake.state.messages.filter((m) => m.channel === 'CIMG')).toHaveLength(1);
    expect(shared()).toHaveLength(1);
    expect(fake.callsOf('files.getUploadURLExternal')).toHaveLength(1);
  });
});
