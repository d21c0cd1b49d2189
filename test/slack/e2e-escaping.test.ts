import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../fakes/slack/payloads.js';
import { type AppRig, buttonsOf, everythingSent, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CEVIL';
const admin: Place = { teamId: 'T0001', channelId: channel, userId: 'UADMIN', userName: 'ada' };
const mallory: Place = { ...admin, userId: 'UMAL', userName: 'mallory' };

/** What Slack would turn into a mention, a channel link, a special command or a link: `<` then `@ # ! or a scheme`. */
const LIVE_MARKUP = /<[@#!]|<script|<https:\/\/evil|<javascript/i;

describe('Slack end to end: bank text and player names cannot mention, link or inject markup', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([
      { id: 'UADMIN', name: 'ada', is_admin: true },
      { id: 'UMAL', name: 'mallory', display_name: '<!here> <@UADMIN> <script>x</script> & co' },
    ]);
  });
  afterAll(() => rig?.stop());

  it('GIVEN bank text with <!channel>, <@U123>, <script> and a player named like a mention THEN all of it arrives escaped', async () => {
    await rig.command(admin, 'setup locale=en categories=evil');
    await rig.runDaily(admin);
    const question = await rig.fake.waitFor(
      () => rig.fake.state.messages.find((m) => m.channel === channel && buttonsOf(m).length > 0),
      10_000,
      'daily question',
    );
    const posted = JSON.stringify(question.blocks);
    expect(posted).toContain('&lt;!channel&gt;');
    expect(posted).toContain('&lt;@U123&gt;');
    expect(posted).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(posted).toContain('a &amp; b &gt; c');
    expect(posted).not.toMatch(LIVE_MARKUP);

    // Mallory answers (D is right), the question closes, the reveal lists Mallory by name.
    const buttons = buttonsOf(question);
    const reply = await rig.press(mallory, question, buttons[3] ?? '');
    expect(JSON.stringify(reply)).toMatch(/Recorded/);
    await rig.app.engine.closeRound(buttons[3]?.split(':')[2] ?? '');
    const reveal = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Reveal')[0],
      10_000,
      'reveal',
    );
    const revealed = JSON.stringify(reveal.blocks);
    // The name as a plain_text object, escaped, and capped at 32 characters like every name.
    expect(revealed).toContain(
      '"type":"plain_text","text":"1. &lt;!here&gt; &lt;@UADMIN&gt; &lt;script&gt;x&lt;/sc…',
    );
    expect(reveal.text).toContain('&lt;!channel&gt;');

    // The full reference answer, privately: code, links and all, still escaped.
    const reference = await rig.press(mallory, reveal, buttonsOf(reveal)[0] ?? '');
    const answer = JSON.stringify(reference);
    expect(reference[0]?.response_type).toBe('ephemeral');
    expect(answer).toContain('&lt;!subteam^S1&gt;');
    expect(answer).toContain('&lt;pod-name&gt;');
    expect(answer).toContain('<https://kubernetes.io/docs/?a=1&amp;b=2|link>');

    // Nothing the bot sent anywhere — posts, updates, ephemerals, response_url answers — is live markup.
    expect(everythingSent(rig.fake)).not.toMatch(LIVE_MARKUP);
  }, 60_000);
});
