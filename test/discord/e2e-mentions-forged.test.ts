import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const PINGS = '@everyone @here <@810000000000000009> <@&720000000000000001>';

/** A one-question bank whose text tries to ping everybody. */
function pingingBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8sq-pings-'));
  copyFileSync('content/categories.yaml', join(dir, 'categories.yaml'));
  mkdirSync(join(dir, 'questions/networking'), { recursive: true });
  writeFileSync(
    join(dir, 'questions/networking/ping-question.md'),
    [
      '---',
      'id: ping-question',
      'title: Who gets pinged?',
      'category: networking',
      'difficulty: 1',
      'quizzes:',
      '  - id: ping-question-nobody',
      `    prompt: "Hey ${PINGS}, which component routes Service traffic?"`,
      '    options: [etcd, kube-proxy, kube-scheduler, "CoreDNS @everyone"]',
      '    answer: 1',
      `    explanation: "kube-proxy programs the rules. ${PINGS}"`,
      '---',
      '',
      `The reference answer mentions ${PINGS} and must ping nobody.`,
      '',
    ].join('\n'),
  );
  return dir;
}

const loud: FakePlayer = { id: '810000000000000009', name: '@everyone <@810000000000000001>' };
const eve: FakePlayer = { id: '810000000000000008', name: 'Eve' };

let world: DiscordWorld;
let contentDir: string;
let question: FakeMessage;
beforeAll(async () => {
  contentDir = pingingBank();
  world = await DiscordWorld.start({ team: { locale: 'en' }, contentDir });
  await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() });
  [question] = (await world.waitForPosts('the daily question', /^Question of the day/)) as [FakeMessage];
});
afterAll(async () => {
  await world?.stop();
  rmSync(contentDir, { recursive: true, force: true });
});

const channelWrites = () =>
  world.fake.requests.filter((r) => r.path.startsWith(`/channels/${CHANNEL}/`) && r.method !== 'GET').length;

describe('mentions and forged buttons on Discord, end to end', () => {
  test('GIVEN forged custom ids on the open question THEN each press gets a private "This question is closed." and nothing changes', async () => {
    const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2];
    const forged = [
      `k8sq:a:${roundId}:9`,
      'k8sq:a:no-such-round:0',
      'k8sq:a:a:b:c',
      'hello',
      'k8sq:r:no-such-question',
    ];
    const writesBefore = channelWrites();
    for (const id of forged) {
      const [reply] = await world.replies(world.press(eve, question, 0, id));
      expect(reply?.ephemeral, id).toBe(true);
      expect(DiscordWorld.text(reply), id).toBe('This question is closed.');
    }
    expect(channelWrites()).toBe(writesBefore);
    expect(question.edits).toBe(0);
    // Eve's forged presses recorded nothing: her real press is her first answer.
    const [real] = await world.replies(world.press(eve, question, 0));
    expect(DiscordWorld.text(real)).toMatch(/^Recorded \*\*A\*\*/);
  });

  test('GIVEN bank text and a player name full of mentions THEN everything the bot sends carries allowed_mentions parse []', async () => {
    expect(DiscordWorld.text(question)).toContain(PINGS);
    await world.replies(world.press(loud, question, 1));
    const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2];
    await world.app.queue.add('close', { roundId });
    const [reveal] = (await world.waitForPosts('the reveal', /^Reveal ·/)) as [FakeMessage];
    expect(DiscordWorld.text(reveal)).toContain(PINGS);
    const reference = buttonsOf(reveal)[0] as { custom_id: string };
    const [answer] = await world.replies(world.press(loud, reveal, 0, reference.custom_id));
    expect(answer?.ephemeral).toBe(true);
    expect(DiscordWorld.text(answer)).toContain(`mentions ${PINGS}`);

    // Every message body the bot sent: channel posts and edits, replies, follow-ups, reply edits.
    const bodies = world.fake.requests
      .filter((r) => ['POST', 'PATCH'].includes(r.method) && /\/(messages|callback|webhooks)/.test(r.path))
      .map(
        (r) =>
          (r.path.endsWith('/callback') ? (r.body as { data?: object }).data : r.body) as {
            allowed_mentions?: unknown;
            embeds?: unknown[];
          },
      )
      .filter((b) => b?.embeds?.length);
    expect(bodies.length).toBeGreaterThanOrEqual(9);
    expect(bodies.every((b) => JSON.stringify(b.allowed_mentions) === '{"parse":[]}')).toBe(true);
  });
});
