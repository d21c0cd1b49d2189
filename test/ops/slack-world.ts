import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { teamIdOf } from '../../src/core/model.js';
import type { TeamSettings } from '../../src/core/settings.js';
import { JOB_ATTEMPTS, QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { Keys } from '../../src/store/keys.js';
import { FakeSlack, type FakeUser } from '../fakes/slack/fake-slack.js';
import { blockActionsBody, type Place } from '../fakes/slack/payloads.js';
import { postSigned } from '../fakes/slack/signed-request.js';
import { SIGNING_SECRET } from '../slack/support.js';
import { BotProcess, type StartOptions } from '../support/bot-process.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { ROOT } from '../support/run-cli.js';

export { SIGNING_SECRET };

export const WORKSPACE = 'T0001';

export interface WorldTeam {
  channelId: string;
  settings?: Partial<TeamSettings>;
  /** Default: a Slack channel in WORKSPACE. */
  platform?: 'slack' | 'discord';
  workspaceId?: string;
}

/**
 * Bot processes in Slack HTTP mode against one fake Slack and one real Redis (its own
 * redis-server), with teams from a teams.yaml in a config folder of their own.
 */
export class SlackWorld {
  readonly bots: BotProcess[] = [];
  readonly redis: Redis;
  readonly queue: Queue;
  readonly keys: Keys;

  private constructor(
    readonly fake: FakeSlack,
    readonly server: LocalRedis,
    readonly prefix: string,
    readonly configDir: string,
  ) {
    this.redis = new Redis(server.url, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUIZ_QUEUE, { connection: this.redis, prefix: `${prefix}bull` });
    this.keys = new Keys(prefix);
    // The test's own clients live through outages too.
    this.redis.on('error', () => {});
    this.queue.on('error', () => {});
  }

  static async start(options: { teams?: WorldTeam[]; users?: FakeUser[]; redis?: LocalRedis } = {}) {
    const fake = await FakeSlack.start({ users: options.users ?? [] });
    const server = options.redis ?? (await startLocalRedis());
    const configDir = mkdtempSync(join(tmpdir(), 'k8sq-ops-config-'));
    copyFileSync(join(ROOT, 'config/default.yaml'), join(configDir, 'default.yaml'));
    const teams = (options.teams ?? []).map((t) => ({
      platform: t.platform ?? 'slack',
      workspaceId: t.workspaceId ?? WORKSPACE,
      channelId: t.channelId,
      settings: t.settings ?? {},
    }));
    writeFileSync(join(configDir, 'teams.yaml'), stringify(teams));
    const prefix = `ops${Math.random().toString(36).slice(2, 8)}:`;
    return new SlackWorld(fake, server, prefix, configDir);
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      REDIS_URL: this.server.url,
      REDIS_PREFIX: this.prefix,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: this.fake.apiUrl,
      CONFIG_DIR: this.configDir,
      ...extra,
    };
  }

  async startBot(extra: Record<string, string> = {}, options: StartOptions = {}): Promise<BotProcess> {
    const bot = await BotProcess.start(this.env(extra), options);
    this.bots.push(bot);
    return bot;
  }

  teamId(channelId: string): string {
    return teamIdOf({ platform: 'slack', workspaceId: WORKSPACE, channelId });
  }

  /** Queues a team's daily job now, as the scheduler would (the bots' workers run it). */
  async runDaily(channelId: string, teamId = this.teamId(channelId)): Promise<void> {
    await this.queue.add(
      'daily',
      { teamId, at: Date.now() },
      { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } },
    );
  }

  /** A signed press on a button of a posted message, with its own response_url key. */
  press(bot: BotProcess, place: Place, messageTs: string, actionId: string, key: string) {
    const body = blockActionsBody(place, { actionId, messageTs, responseUrl: this.fake.responseUrl(key) });
    return postSigned(bot.url('/slack/events'), body, { signingSecret: SIGNING_SECRET });
  }

  /** Player ids with an answer stored for a round. */
  async answered(roundId: string): Promise<string[]> {
    return this.redis.hkeys(this.keys.answers(roundId));
  }

  async stop(): Promise<void> {
    for (const bot of this.bots) await bot.kill();
    await this.queue.close();
    this.redis.disconnect();
    await this.fake.stop();
    await this.server.stop();
    rmSync(this.configDir, { recursive: true, force: true });
  }
}

/** Action ids of the buttons a posted message carries now. */
export function actionIdsOf(message: { blocks?: unknown } | undefined): string[] {
  const blocks = (message?.blocks ?? []) as { type: string; elements?: { action_id: string }[] }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
}
