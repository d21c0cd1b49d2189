import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { nonceOf } from '../../src/platforms/discord/outbox.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import { freePort } from '../support/redis-server.js';
import { testTeam } from '../support/teams.js';
import { BotLives } from './bot-lives.js';
import { CRASH_POINTS, CrashRig, type PlatformSide, POST_KINDS } from './crash-rig.js';
import { CrashReport } from './report.js';

const GUILD = '740000000000000001';
/** Its own Redis database: the bot uses the default key prefix, as in production. */
const redisUrl = `${inject('redisUrl')}/1`;

let fake: FakeDiscord;
let rig: CrashRig;
const report = new CrashReport('discord');

const stepMessages = (team: Team, stepId: string): FakeMessage[] => {
  const prefix = nonceOf(stepId, 0).slice(0, -1);
  return fake
    .channelMessages(team.address.channelId)
    .filter((m) => typeof m.nonce === 'string' && m.nonce.startsWith(prefix));
};

const discord: PlatformSide = {
  postsOf: (team, stepId) => stepMessages(team, stepId).length,
  callsOf: (team, stepId) => {
    const prefix = nonceOf(stepId, 0).slice(0, -1);
    const posts = fake
      .requestsTo('POST', new RegExp(`^/channels/${team.address.channelId}/messages$`))
      .filter((r) => String((r.body as { nonce?: string } | undefined)?.nonce ?? '').startsWith(prefix));
    return posts.length;
  },
  lookupsIn: () => 0,
  isClosed: (team, questionStep) => {
    const buttons = stepMessages(team, questionStep).flatMap((m) => buttonsOf(m));
    return buttons.length > 0 && buttons.every((b) => b.disabled);
  },
  crashAt(team, target, point, crash) {
    const channel = team.address.channelId;
    if ('update' in target) {
      fake.onCall({
        method: 'PATCH',
        path: new RegExp(`^/channels/${channel}/messages/\\d+$`),
        when: point,
        run: crash,
      });
      return;
    }
    const nonce = nonceOf(target.post, 0);
    fake.onCall({
      method: 'POST',
      path: new RegExp(`^/channels/${channel}/messages$`),
      when: point,
      match: (request) => (request.body as { nonce?: string } | undefined)?.nonce === nonce,
      run: crash,
    });
  },
};

beforeAll(async () => {
  fake = await FakeDiscord.start({ guilds: [{ id: GUILD, name: 'crash', channels: [] }] });
  // Its own PORT (the health and metrics server), kept over restarts.
  const bot = new BotLives({ REDIS_URL: redisUrl, ...fake.env }, await freePort());
  rig = new CrashRig(redisUrl, bot, discord, (n) =>
    testTeam({
      platform: 'discord',
      workspaceId: GUILD,
      channelId: `7400000000000${String(n).padStart(5, '0')}`,
    }),
  );
  await rig.redis.flushdb();
});
afterAll(async () => {
  report.print();
  await rig?.close();
  await fake?.close();
});

const pointText = {
  arrived: 'when it reaches Discord',
  applied: 'after Discord has it, before the bot has its id',
};

describe('kill -9 at every post (the bot process, fake Discord, real Redis)', () => {
  for (const kind of POST_KINDS) {
    for (const point of CRASH_POINTS) {
      it(`GIVEN kill -9 at the ${kind} ${pointText[point]} THEN after a restart every post of the round is there exactly once and the round goes on within 10 s of the restarted bot being ready`, async () => {
        const result = await rig.run(kind, point);
        report.add(`${kind} / ${point}`, result);
        expect(result.posts).toEqual(Object.fromEntries(Object.keys(result.posts).map((s) => [s, 1])));
        expect(result.closed).toBe(true);
        expect(result.recoveryMs).toBeLessThan(10_000);
      }, 90_000);
    }
  }

  it('GIVEN a live question whose close time passed while the bot was down THEN the restarted bot reveals it within 10 s of being ready and asks the next after the usual pause', async () => {
    const result = await rig.overdueLive();
    report.add('overdue live question (restart → reveal)', { posts: result.posts, closeMs: result.closeMs });
    expect(Object.values(result.posts)).toEqual([1, 1, 1]);
    expect(result.closeMs).toBeLessThan(10_000);
    // The round goes on as always: the next question follows the reveal after the configured pause.
    expect(result.nextMs - result.closeMs).toBeGreaterThanOrEqual(result.pauseMs - 100);
    expect(result.nextMs - result.closeMs).toBeLessThan(result.pauseMs + 5000);
  }, 90_000);
});
