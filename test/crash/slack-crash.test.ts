import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import type { FakeMessage } from '../fakes/slack/web-api-routes.js';
import { freePort } from '../support/redis-server.js';
import { testTeam } from '../support/teams.js';
import { BotLives } from './bot-lives.js';
import { CRASH_POINTS, CrashRig, type PlatformSide, POST_KINDS } from './crash-rig.js';
import { CrashReport } from './report.js';

const WORKSPACE = 'T0001';
/** Its own Redis database: the bot uses the default key prefix, as in production. */
const redisUrl = `${inject('redisUrl')}/2`;
const HISTORY_SCOPES = ['channels:history', 'groups:history'];

let fake: FakeSlack;
let rig: CrashRig;
const report = new CrashReport('slack');

const stepMessages = (team: Team, stepId: string): FakeMessage[] =>
  fake.state.messages.filter(
    (m) => m.channel === team.address.channelId && m.metadata?.event_payload.step === stepId,
  );

const slack: PlatformSide = {
  postsOf: (team, stepId) => stepMessages(team, stepId).length,
  callsOf: (team, stepId) => {
    const ofStep = (p: Record<string, unknown>) =>
      p.channel === team.address.channelId &&
      (p.metadata as FakeMessage['metadata'])?.event_payload.step === stepId;
    return fake.callsOf('chat.postMessage').filter((c) => ofStep(c.params)).length;
  },
  lookupsIn: (team) =>
    fake.callsOf('conversations.history').filter((c) => c.params.channel === team.address.channelId).length,
  // Slack buttons cannot be disabled: a closed question was updated and shows none.
  isClosed: (team, questionStep) => {
    const messages = stepMessages(team, questionStep);
    return (
      messages.some((m) => m.updates.length > 0) &&
      messages.every((m) => !JSON.stringify(m.blocks).includes('k8sq:a:'))
    );
  },
  crashAt(team, target, point, crash) {
    const channel = team.address.channelId;
    if ('update' in target) {
      fake.onCall({ method: 'chat.update', when: point, match: (p) => p.channel === channel, run: crash });
      return;
    }
    fake.onCall({
      method: 'chat.postMessage',
      when: point,
      match: (p) =>
        p.channel === channel && (p.metadata as FakeMessage['metadata'])?.event_payload.step === target.post,
      run: crash,
    });
  },
};

beforeAll(async () => {
  fake = await FakeSlack.start({ teamId: WORKSPACE });
  const bot = new BotLives(
    {
      REDIS_URL: redisUrl,
      SLACK_BOT_TOKEN: fake.state.botToken,
      SLACK_SIGNING_SECRET: 'crash-test-signing-secret',
      SLACK_API_URL: fake.apiUrl,
    },
    await freePort(),
  );
  rig = new CrashRig(redisUrl, bot, slack, (n) =>
    testTeam({ platform: 'slack', workspaceId: WORKSPACE, channelId: `CCRASH${n}` }),
  );
  await rig.redis.flushdb();
});
afterAll(async () => {
  report.print();
  await rig?.close();
  await fake?.stop();
});

const pointText = {
  arrived: 'when it reaches Slack',
  applied: 'after Slack has it, before the bot has its ts',
};

describe('kill -9 at every post (the bot process in HTTP mode, fake Slack, real Redis)', () => {
  for (const kind of POST_KINDS) {
    for (const point of CRASH_POINTS) {
      it(`GIVEN kill -9 at the ${kind} ${pointText[point]} THEN after a restart the history lookup finds it: every post exactly once, and the round goes on within 10 s of the restarted bot being ready`, async () => {
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

  it('GIVEN an install without channels:history and kill -9 after Slack has the daily question THEN it is posted again (at least once) and the bot logs that a duplicate is possible', async () => {
    for (const scope of HISTORY_SCOPES) fake.state.scopes.delete(scope);
    try {
      const before = rig.bot.logged('duplicate is possible').length;
      const result = await rig.run('daily question', 'applied');
      report.add('daily question / applied, no history scope', result);
      expect(Object.values(result.posts)).toEqual([2]);
      expect(rig.bot.logged('duplicate is possible').length - before).toBe(1);
      expect(fake.callsOf('conversations.history').at(-1)?.reply.error).toBe('missing_scope');
    } finally {
      for (const scope of HISTORY_SCOPES) fake.state.scopes.add(scope);
    }
  }, 90_000);
});
