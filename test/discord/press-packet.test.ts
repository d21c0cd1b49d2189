import type { APIMessage } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { interactionProblem, schemaProblem } from '../../src/platforms/discord/packet.js';
import { isWellFormedPress } from '../../src/platforms/discord/press-packet.js';
import { buttonPress, snowflake } from '../fakes/discord/payloads.js';

// biome-ignore lint/suspicious/noExplicitAny: a JSON payload broken field by field
type Payload = Record<string, any>;

const place = {
  applicationId: '700000000000000001',
  guildId: '711111111111111111',
  channelId: '722222222222222222',
};
const message = { id: snowflake(), channel_id: place.channelId, content: 'q', embeds: [], components: [] };
const press = () =>
  JSON.parse(
    JSON.stringify(
      buttonPress(
        place,
        { id: '800000000000000001', name: 'alice' },
        message as unknown as APIMessage,
        'k8sq:a:r-1:0',
      ),
    ),
  ) as Payload;

/** One field of a press broken at a time: each must be refused by both checks, or accepted by both. */
const broken: [string, (p: Payload) => void][] = [
  ['no id', (p) => delete p.id],
  ['id not a snowflake', (p) => (p.id = 'x1')],
  ['id a number', (p) => (p.id = 1)],
  ['application_id too long', (p) => (p.application_id = '1'.repeat(22))],
  ['empty token', (p) => (p.token = '')],
  ['no guild_id', (p) => delete p.guild_id],
  ['channel_id null', (p) => (p.channel_id = null)],
  ['locale a number', (p) => (p.locale = 5)],
  ['no member', (p) => delete p.member],
  ['member an array', (p) => (p.member = [])],
  ['member without user', (p) => delete p.member.user],
  ['member.user without username', (p) => delete p.member.user.username],
  ['permissions not digits', (p) => (p.member.permissions = 'all')],
  ['user malformed', (p) => (p.user = { id: 'me' })],
  ['no data', (p) => delete p.data],
  ['custom_id of 101 characters', (p) => (p.data.custom_id = 'x'.repeat(101))],
  ['component_type 2.5', (p) => (p.data.component_type = 2.5)],
  ['no message', (p) => delete p.message],
  ['message.id not a snowflake', (p) => (p.message.id = 'm')],
  ['type 2', (p) => (p.type = 2)],
  ['extra fields', (p) => (p.extra = { anything: true })],
  ['no channel_id', (p) => delete p.channel_id],
  ['custom_id of 100 characters', (p) => (p.data.custom_id = 'x'.repeat(100))],
];

describe('the hand-written check of a button press (the hot path)', () => {
  test('GIVEN a press as Discord sends it THEN both it and the zod schema accept it', () => {
    expect(isWellFormedPress(press())).toBe(true);
    expect(schemaProblem(press())).toBeUndefined();
  });

  test.each(broken)('GIVEN a press with %s THEN it is never more lenient than the schema', (_, breakIt) => {
    const p = press();
    breakIt(p);
    const schemaAccepts = schemaProblem(p) === undefined;
    if (isWellFormedPress(p)) expect(schemaAccepts).toBe(true);
    // Whatever the fast check says, the verdict is the schema's.
    expect(interactionProblem(p) === undefined).toBe(schemaAccepts);
  });

  test('GIVEN the broken presses THEN the fast check refuses every one the schema refuses', () => {
    const refused = broken.filter(([, breakIt]) => {
      const p = press();
      breakIt(p);
      return schemaProblem(p) !== undefined;
    });
    expect(refused.length).toBeGreaterThan(15);
    for (const [name, breakIt] of refused) {
      const p = press();
      breakIt(p);
      expect(isWellFormedPress(p), name).toBe(false);
    }
  });
});
