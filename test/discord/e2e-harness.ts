import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { type App, createApp } from '../../src/app.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { Clock } from '../../src/core/ports.js';
import type { TeamSettings } from '../../src/core/settings.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import {
  buttonPress,
  type FakePlayer,
  modalSubmit,
  type OptionValue,
  slashCommand,
} from '../fakes/discord/payloads.js';
import { freePort, type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { recordingLogger } from './support.js';

export const GUILD = '711111111111111111';
export const CHANNEL = '722222222222222222';
export const TEAM_ID = `discord:${GUILD}:${CHANNEL}`;

export interface HarnessOptions {
  /** Register the team in config/teams.yaml style (else an admin runs `setup`). */
  team?: Partial<TeamSettings>;
  contentDir?: string;
  config?: (config: AppConfig) => AppConfig;
  /** How interactions reach the bot: the gateway (default) or signed POSTs to /discord/interactions. */
  transport?: Transport;
  /** The engine's clock (default: the system's). */
  clock?: Clock;
}

export type Transport = 'gateway' | 'http';

/**
 * The real app (engine, Redis, BullMQ, the Discord adapter on discord.js) against a fake
 * Discord on 127.0.0.1 and a throwaway redis-server: a bot in a guild, seen from outside.
 */
export class DiscordWorld {
  private constructor(
    readonly app: App,
    readonly fake: FakeDiscord,
    readonly logger: ReturnType<typeof recordingLogger>,
    private readonly redis: LocalRedis,
    private readonly dir: string,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<DiscordWorld> {
    const fake = await FakeDiscord.start({
      guilds: [{ id: GUILD, name: 'Platform team', channels: [{ id: CHANNEL, name: 'k8s-quiz' }] }],
    });
    const redis = await startLocalRedis();
    const dir = mkdtempSync(join(tmpdir(), 'k8sq-discord-'));
    const teamsFile = join(dir, 'teams.yaml');
    const teams = options.team
      ? [{ platform: 'discord', workspaceId: GUILD, channelId: CHANNEL, settings: options.team }]
      : [];
    writeFileSync(teamsFile, stringify(teams));
    const base = await loadAppConfig();
    const logger = recordingLogger();
    const port = await freePort();
    const overHttp = options.transport === 'http';
    if (overHttp) fake.interactionsUrl = `http://127.0.0.1:${port}/discord/interactions`;
    const app = await createApp({
      env: readEnv({
        REDIS_URL: redis.url,
        PORT: String(port),
        ...fake.env,
        ...(overHttp ? { DISCORD_PUBLIC_KEY: fake.publicKey } : {}),
      }),
      redisPrefix: `e2e-${randomUUID()}:`,
      logger,
      config: options.config ? options.config(base) : base,
      teamsFile,
      ...(options.contentDir ? { contentDir: options.contentDir } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await app.start();
    return new DiscordWorld(app, fake, logger, redis, dir);
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.fake.close();
    await this.redis.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A player runs `/k8s-quiz <sub>` in the team channel; returns the interaction id. */
  command(player: FakePlayer, sub: string, options: Record<string, OptionValue> = {}): string {
    return this.fake.interact(slashCommand(this.fake.place(GUILD, CHANNEL), player, sub, options));
  }

  /** A player presses button `index` of a message (or sends a forged custom id). */
  press(player: FakePlayer, message: FakeMessage, index: number, forgedId?: string): string {
    const customId = forgedId ?? buttonsOf(message)[index]?.custom_id;
    if (!customId) throw new Error(`message ${message.id} has no button ${index}`);
    return this.fake.interact(buttonPress(this.fake.place(GUILD, CHANNEL), player, message, customId));
  }

  /** The modal the bot opened in answer to an interaction, once it has. */
  modalFor(interactionId: string) {
    return this.fake.waitFor(
      `a modal for ${interactionId}`,
      () => this.fake.state.interactions.get(interactionId)?.modal,
    );
  }

  /** A player fills in and submits the modal opened for an interaction; returns the submission's id. */
  async submitModal(player: FakePlayer, openedBy: string, answers: Record<string, string>): Promise<string> {
    const modal = await this.modalFor(openedBy);
    const payload = this.fake.state.interactions.get(openedBy)?.payload;
    const message = payload && 'message' in payload ? payload.message : undefined;
    return this.fake.interact(modalSubmit(this.fake.place(GUILD, CHANNEL), player, modal, answers, message));
  }

  /** The visible answer(s) to an interaction, once there are `n`. */
  replies(interactionId: string, n = 1): Promise<FakeMessage[]> {
    return this.fake.waitFor(`${n} repl(ies) to ${interactionId}`, () => {
      const found = this.fake.responsesTo(interactionId).filter((m) => m.embeds.length > 0 || m.content);
      return found.length >= n && found;
    });
  }

  /** Text of a message: embed titles, descriptions, fields and footers, for assertions. */
  static text(message: FakeMessage | undefined): string {
    return (message?.embeds ?? [])
      .flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        ...(e.fields ?? []).map((f) => `${f.name}\n${f.value}`),
        e.footer?.text ?? '',
      ])
      .filter(Boolean)
      .join('\n');
  }

  /** Channel posts (REST) whose text matches. */
  posts(pattern: RegExp): FakeMessage[] {
    return this.fake.channelMessages(CHANNEL).filter((m) => pattern.test(DiscordWorld.text(m)));
  }

  waitForPosts(what: string, pattern: RegExp, n = 1, timeoutMs = 30_000): Promise<FakeMessage[]> {
    return this.fake.waitFor(what, () => this.posts(pattern).length >= n && this.posts(pattern), timeoutMs);
  }
}
