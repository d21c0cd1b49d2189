import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Place, viewSubmissionBody } from '../fakes/slack/payloads.js';
import { postSigned } from '../fakes/slack/signed-request.js';
import type { FakeMessage } from '../fakes/slack/web-api-routes.js';
import { type AppRig, buttonsOf, messagesTitled, startAppRig } from './app-rig.js';
import { SIGNING_SECRET } from './support.js';

const channel = 'CREPORT';
const at = (userId: string, userName: string): Place => ({
  teamId: 'T0001',
  channelId: channel,
  userId,
  userName,
});
const admin = at('UADMIN', 'ada');
const [ann, ben] = [at('U1', 'ann'), at('U2', 'ben')] as const;

describe('Slack end to end: reporting a question (views.open + view_submission)', () => {
  let rig: AppRig;
  let reveal: FakeMessage;
  let reportAction: string;
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
    const [answerA = ''] = buttonsOf(question);
    await rig.press(ann, question, answerA);
    await rig.app.queue.add('close', { roundId: answerA.split(':')[2] });
    reveal = await rig.fake.waitFor(() => messagesTitled(rig.fake, channel, 'Reveal')[0], 15_000, 'reveal');
    reportAction = buttonsOf(reveal).find((id) => id.startsWith('k8sq:p:')) ?? '';
  }, 60_000);
  afterAll(() => rig?.stop());

  it('GIVEN a reveal THEN its report button opens a modal; the submission is kept and answered privately', async () => {
    expect(buttonsOf(reveal)).toHaveLength(2);
    const quizId = reportAction.split(':')[2] ?? '';
    const view = await rig.pressForModal(ann, reveal, reportAction);
    expect(view).toMatchObject({
      callback_id: `k8sq:f:${quizId}`,
      title: 'Report a problem',
      submit: 'Send',
    });
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: channel });
    const [reason, note] = view.blocks;
    expect(reason).toMatchObject({
      type: 'input',
      block_id: 'reason',
      optional: false,
      element: { type: 'static_select' },
    });
    expect(reason?.element?.options?.map((o) => o.value)).toEqual([
      'wrong-key',
      'outdated',
      'unclear',
      'typo',
    ]);
    expect(note).toMatchObject({
      optional: true,
      element: { type: 'plain_text_input', multiline: true, max_length: 500 },
    });

    const [thanks] = await rig.submitView(ann, view, { reason: 'outdated', text: 'GA since 1.30' });
    expect(thanks).toMatchObject({ channel, user: 'U1' });
    expect(thanks?.text).toContain('Thanks! Your report (Outdated) is recorded');
    const replaced = await rig.submitView(ann, await rig.pressForModal(ann, reveal, reportAction), {
      reason: 'typo',
    });
    expect(replaced[0]?.text).toContain('Your report on this question is updated (Typo)');

    const kept = await rig.app.engine.ctx.store.reports.all();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      quizId,
      playerId: 'U1',
      playerName: 'Ann',
      reason: 'typo',
      teamId: `slack:T0001:${channel}`,
    });
  });

  it('GIVEN Slack refuses to open the modal THEN the form comes as a private message whose button opens it again', async () => {
    rig.fake.fail('views.open', { error: 'expired_trigger_id', times: 1 });
    const replies = await rig.press(ben, reveal, reportAction);
    expect(replies[0]?.response_type).toBe('ephemeral');
    expect(JSON.stringify(replies)).toContain('What is wrong with this question?');
    expect(buttonsOf(replies[0] as unknown as FakeMessage)).toEqual([reportAction]);
    const view = await rig.pressForModal(ben, reveal, reportAction);
    const [thanks] = await rig.submitView(ben, view, { reason: 'unclear' });
    expect(thanks?.text).toContain('Thanks!');
  });

  it('GIVEN a submission with a forged form id or an unknown channel THEN nothing is kept', async () => {
    const before = (await rig.app.engine.ctx.store.reports.all()).length;
    const view = await rig.pressForModal(ben, reveal, reportAction);
    const [expired] = await rig.submitView(
      ben,
      { ...view, callback_id: 'k8sq:f:no-such-item' },
      { reason: 'typo' },
    );
    expect(expired?.text).toContain('no longer in the bank');
    const other = await rig.pressForModal(ben, reveal, reportAction);
    const body = viewSubmissionBody(ben, { ...other, private_metadata: 'not ours' }, { reason: 'typo' });
    expect((await postSigned(rig.eventsUrl, body, { signingSecret: SIGNING_SECRET })).status).toBe(200);
    await rig.fake.waitFor(
      () => rig.logger.lines.some((l) => l.msg === 'slack: form without its channel dropped'),
      10_000,
      'the dropped form logged',
    );
    expect((await rig.app.engine.ctx.store.reports.all()).length).toBe(before);
  });
});
