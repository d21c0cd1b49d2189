import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { stringify } from 'yaml';
import { teamIdOf } from '../../src/core/model.js';
import { JOB_ATTEMPTS, QUIZ_QUEUE } from '../../src/jobs/queue-names.js';
import { Keys } from '../../src/store/keys.js';
import { FakeDiscord } from '../../test/fakes/discord/fake-discord.js';
import { BotProcess, type StartOptions } from '../../test/support/bot-process.js';
import { type LocalRedis, startLocalRedis } from '../../test/support/redis-server.js';
import { ROOT } from '../../test/support/run-cli.js';

export const GUILD = '711111111111111111';
export const CHANNEL = '722222222222222222';

/**
 * A bot process in Discord HTTP-interactions mode against a fake Discord and its own
 * redis-server, with one team (GUILD/CHANNEL) from a teams.yaml of its own.
 */
export class DiscordBenchWorld {
  readonly redis: Redis;
  readonly queue: Queue;
  readonly keys: Keys;
  private bot: BotProcess | undefined;

  private constructor(
    readonly fake: FakeDiscord,
    private readonly server: LocalRedis,
    readonly prefix: string,
    private readonly configDir: string,
  ) {
    this.redis = new Redis(server.url, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUIZ_QUEUE, { connection: this.redis, prefix: `${prefix}bull` });
    this.keys = new Keys(prefix);
  }

  static async start(): Promise<DiscordBenchWorld> {
    const fake = await FakeDiscord.start({
      guilds: [{ id: GUILD, name: 'Bench', channels: [{ id: CHANNEL, name: 'quiz' }] }],
    });
    const server = await startLocalRedis();
    const configDir = mkdtempSync(join(tmpdir(), 'k8sq-bench-config-'));
    copyFileSync(join(ROOT, 'config/default.yaml'), join(configDir, 'default.yaml'));
    writeFileSync(
      join(configDir, 'teams.yaml'),
      stringify([
        { platform: 'discord', workspaceId: GUILD, channelId: CHANNEL, settings: { locale: 'en' } },
      ]),
    );
    return new DiscordBenchWorld(fake, server, `bench${Math.random().toString(36).slice(2, 8)}:`, configDir);
  }

  /** Starts the bot (or the bare handler: the same environment) and points the fake at its endpoint. */
  async startBot(options: StartOptions, extra: Record<string, string> = {}): Promise<BotProcess> {
    const bot = await BotProcess.start(
      {
        REDIS_URL: this.server.url,
        REDIS_PREFIX: this.prefix,
        CONFIG_DIR: this.configDir,
        ...this.fake.env,
        DISCORD_PUBLIC_KEY: this.fake.publicKey,
        ...extra,
      },
      options,
    );
    this.bot = bot;
    this.fake.interactionsUrl = bot.url('/discord/interactions');
    return bot;
  }

  /** Queues the team's daily job now, as the scheduler would (the bot's worker runs it). */
  async runDaily(): Promise<void> {
    const teamId = teamIdOf({ platform: 'discord', workspaceId: GUILD, channelId: CHANNEL });
    await this.queue.add(
      'daily',
      { teamId, at: Date.now() },
      { attempts: JOB_ATTEMPTS, backoff: { type: 'platform' } },
    );
  }

  async stop(): Promise<void> {
    await this.bot?.kill();
    await this.queue.close();
    this.redis.disconnect();
    await this.fake.close();
    await this.server.stop();
    rmSync(this.configDir, { recursive: true, force: true });
  }
}
