import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../fakes/slack/payloads.js';
import { type AppRig, buttonsOf, everythingSent, messagesTitled, startAppRig } from './app-rig.js';

const channel = 'CNAMES';
const admin: Place = { teamId: 'T0001', channelId: channel, userId: 'UADMIN', userName: 'ada' };
/** Names that are Slack mrkdwn, and one with a zero-width space and a bidi override in it. */
const NAMES = { UBOLD: '*bold*', UITAL: '_x_', USTRK: '~x~', UCODE: '`x`', UHIDE: 'bo\u200Bb\u202E' };
const SHOWN = { ...NAMES, UHIDE: 'bob' };
const place = (userId: string): Place => ({ ...admin, userId, userName: userId.toLowerCase() });

interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

/** Every text object in a message's blocks: section text and fields, headers, context elements. */
function textObjects(blocks: unknown): TextObject[] {
  const found: TextObject[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'plain_text' || o.type === 'mrkdwn') && typeof o.text === 'string') {
      found.push({ type: o.type, text: o.text });
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(blocks);
  return found;
}

/** Where a name shows: only in plain_text objects, exactly as typed, never in mrkdwn. */
function expectPlain(blocks: unknown, name: string) {
  const objects = textObjects(blocks);
  expect(
    objects.some((o) => o.type === 'plain_text' && o.text.includes(name)),
    `${name} in plain_text`,
  ).toBe(true);
  for (const o of objects.filter((x) => x.type === 'mrkdwn'))
    expect(o.text, `${name} in mrkdwn`).not.toContain(name);
}

describe('Slack end to end: player names are data, never markup', () => {
  let rig: AppRig;
  beforeAll(async () => {
    rig = await startAppRig([
      { id: 'UADMIN', name: 'ada', is_admin: true },
      ...Object.entries(NAMES).map(([id, name]) => ({ id, name: id.toLowerCase(), display_name: name })),
    ]);
  });
  afterAll(() => rig?.stop());

  it('GIVEN players named *bold*, _x_, ~x~, `x` and one with invisible characters THEN the reveal, the board and stats show each name as typed, in plain_text', async () => {
    await rig.command(admin, 'setup locale=en categories=pods');
    await rig.runDaily(admin);
    const question = await rig.fake.waitFor(
      () => rig.fake.state.messages.find((m) => m.channel === channel && buttonsOf(m).length > 0),
      10_000,
      'daily question',
    );
    const buttons = buttonsOf(question);
    const roundId = buttons[0]?.split(':')[2] ?? '';
    const round = await rig.app.engine.ctx.store.rounds.get(roundId);
    for (const userId of Object.keys(NAMES)) {
      await rig.press(place(userId), question, buttons[round?.answer ?? 0] ?? '');
    }
    await rig.app.engine.closeRound(roundId);
    const reveal = await rig.fake.waitFor(
      () => messagesTitled(rig.fake, channel, 'Reveal')[0],
      10_000,
      'reveal',
    );
    for (const name of Object.values(SHOWN)) expectPlain(reveal.blocks, name);
    // As typed: no backslash in front of any marker.
    expect(JSON.stringify(reveal.blocks)).not.toMatch(/\\\\[*_~`]/);

    const [board] = await rig.command(place('UBOLD'), 'leaderboard');
    for (const name of Object.values(SHOWN)) expectPlain(board?.blocks, name);
    const [stats] = await rig.command(place('UITAL'), 'stats');
    const header = textObjects(stats?.blocks).find((o) => o.text.startsWith('ℹ️ Stats for'));
    expect(header).toEqual({ type: 'plain_text', text: 'ℹ️ Stats for _x_' });

    // The zero-width space and the bidi override in the name never reached Slack (slackify's own
    // zero-width spaces around bold markers are not part of any name).
    const sent = everythingSent(rig.fake);
    expect(sent).not.toContain('bo\u200Bb');
    expect(sent).not.toContain('\u202E');
  }, 60_000);
});
