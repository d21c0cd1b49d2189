import { rm } from 'node:fs/promises';
import { type App, createApp } from '../../src/app.js';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import { teamIdOf } from '../../src/core/model.js';
import type { Clock } from '../../src/core/ports.js';
import { JOB_ATTEMPTS } from '../../src/jobs/queue-names.js';
import { FakeSlack, type FakeUser } from '../fakes/slack/fake-slack.js';
import { blockActionsBody, type Place, viewSubmissionBody } from '../fakes/slack/payloads.js';
import { postSigned } from '../fakes/slack/signed-request.js';
import type { OpenedView } from '../fakes/slack/views.js';
import type { FakeEphemeral, FakeMessage } from '../fakes/slack/web-api-routes.js';
import { freePort, type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { writeFixtureBank } from './fixtures/bank.js';
import { type RecordingLogger, recordingLogger, SIGNING_SECRET, sendCommand } from './support.js';

/** The whole bot (createApp: engine, Redis, BullMQ, the Slack adapter) against a fake Slack. */
export interface AppRig {
  app: App;
  fake: FakeSlack;
  redis: LocalRedis;
  logger: RecordingLogger;
  eventsUrl: string;
  /** Sends `/k8s-quiz <text>`; resolves with the response_url posts it got. */
  command(place: Place, text: string): Promise<Record<string, unknown>[]>;
  /** Presses a button on a message; resolves with the response_url posts it got. */
  press(place: Place, message: FakeMessage, actionId: string): Promise<Record<string, unknown>[]>;
  /** Presses a button that opens a form; resolves with the modal the bot opened (views.open). */
  pressForModal(place: Place, message: FakeMessage, actionId: string): Promise<OpenedView>;
  /** Submits a modal; resolves with the ephemeral messages the player got afterwards. */
  submitView(place: Place, view: OpenedView, answers: Record<string, string>): Promise<FakeEphemeral[]>;
  /**
   * Delivers the last press again, byte for byte, with X-Slack-Retry-Num — as Slack does
   * when it thinks the ack was lost. Resolves with every response_url post for that press.
   */
  redeliverLastPress(): Promise<Record<string, unknown>[]>;
  /** Runs the team's daily job now through the real queue, with the scheduler's retry options. */
  runDaily(place: Place): Promise<void>;
  stop(): Promise<void>;
}

let keys = 0;

export async function startAppRig(users: FakeUser[], options: { clock?: Clock } = {}): Promise<AppRig> {
  const redis = await startLocalRedis();
  const fake = await FakeSlack.start({ users });
  const port = await freePort();
  const logger = recordingLogger();
  const base = await loadAppConfig();
  const bank = await writeFixtureBank();
  const app = await createApp({
    env: readEnv({
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    }),
    redisPrefix: `slack-e2e-${process.pid}:`,
    logger,
    config: { ...base, live: { ...base.live, pauseSeconds: 0 } },
    contentDir: bank.contentDir,
    teamsFile: bank.teamsFile,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.start();
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const rig = { fake, eventsUrl };
  let lastPress: { key: string; body: string } | undefined;

  /** Waits for the answer to one request (a slow engine answers after the ack). */
  const repliesTo = async (key: string, settleMs = 300) => {
    await fake.waitFor(() => fake.responses.some((r) => r.key === key), 10_000, `reply to ${key}`);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return fake.responses.filter((r) => r.key === key).map((r) => r.body);
  };

  return {
    app,
    fake,
    redis,
    logger,
    eventsUrl,
    async command(place, text) {
      const key = `cmd-${++keys}`;
      const res = await sendCommand(rig, place, text, key);
      if (res.status !== 200) throw new Error(`command refused: ${res.status}`);
      return repliesTo(key);
    },
    async press(place, message, actionId) {
      const key = `press-${++keys}`;
      const body = blockActionsBody(place, {
        actionId,
        messageTs: message.ts,
        responseUrl: fake.responseUrl(key),
      });
      lastPress = { key, body };
      const res = await postSigned(eventsUrl, body, { signingSecret: SIGNING_SECRET });
      if (res.status !== 200) throw new Error(`press refused: ${res.status}`);
      return repliesTo(key);
    },
    async pressForModal(place, message, actionId) {
      const opened = fake.state.views.length;
      const body = blockActionsBody(place, {
        actionId,
        messageTs: message.ts,
        responseUrl: fake.responseUrl(`press-${++keys}`),
      });
      const res = await postSigned(eventsUrl, body, { signingSecret: SIGNING_SECRET });
      if (res.status !== 200) throw new Error(`press refused: ${res.status}`);
      return fake.waitFor(() => fake.state.views[opened], 10_000, 'a modal');
    },
    async submitView(place, view, answers) {
      const seen = fake.state.ephemerals.length;
      const res = await postSigned(eventsUrl, viewSubmissionBody(place, view, answers), {
        signingSecret: SIGNING_SECRET,
      });
      if (res.status !== 200) throw new Error(`submission refused: ${res.status}`);
      const mine = () => fake.state.ephemerals.slice(seen).filter((e) => e.user === place.userId);
      await fake.waitFor(() => mine().length > 0, 10_000, 'an answer to the form');
      return mine();
    },
    async redeliverLastPress() {
      if (!lastPress) throw new Error('nothing pressed yet');
      const res = await postSigned(eventsUrl, lastPress.body, { signingSecret: SIGNING_SECRET, retryNum: 1 });
      if (res.status !== 200) throw new Error(`retry refused: ${res.status}`);
      return repliesTo(lastPress.key, 500);
    },
    async runDaily(place) {
      const teamId = teamIdOf({ platform: 'slack', workspaceId: place.teamId, channelId: place.channelId });
      await app.queue.add(
        'daily',
        { teamId, at: Date.now() },
        { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } },
      );
    },
    async stop() {
      await app.stop();
      await fake.stop();
      await redis.stop();
      await rm(bank.root, { recursive: true, force: true });
    },
  };
}

/** Action ids of the buttons a message carries now. */
export function buttonsOf(message: FakeMessage | undefined): string[] {
  const blocks = (message?.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
}

/** Channel messages whose notification text starts with a title, e.g. `Reveal`. */
export const messagesTitled = (fake: FakeSlack, channel: string, title: string) =>
  fake.state.messages.filter((m) => m.channel === channel && m.text.startsWith(title));

/** Everything the bot sent (messages, updates, ephemerals, response_url posts) as one string. */
export function everythingSent(fake: FakeSlack): string {
  return JSON.stringify([
    fake.state.messages.map((m) => [m.text, m.blocks, m.updates]),
    fake.state.ephemerals,
    fake.responses.map((r) => r.body),
  ]);
}
