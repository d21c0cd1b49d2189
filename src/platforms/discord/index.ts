import { once } from 'node:events';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Options,
  REST,
  Routes,
  Status,
} from 'discord.js';
import { Intake } from '../../ops/intake.js';
import { StartupError } from '../../ops/redis-connect.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import { guardGateway } from './gateway-guard.js';
import { CallbackRest } from './http-callbacks.js';
import { httpInteractionRoute } from './http-interactions.js';
import { interactionHandler } from './interactions.js';
import { DISCORD_LIMITS } from './limits.js';
import { DiscordOutbox, NO_MENTIONS } from './outbox.js';
import { InteractionSignature } from './signature.js';

export interface DiscordAdapterOptions {
  /**
   * Engine answers slower than this are deferred first, leaving half of Discord's 3-second
   * deadline for the network.
   * @defaultValue 1500
   */
  deferAfterMs?: number;
}

export const DISCORD_API = 'https://discord.com/api';
/** Discord's Interactions Endpoint URL on the bot's HTTP server. */
export const INTERACTIONS_PATH = '/discord/interactions';

/** `DISCORD_API_URL` is the REST base (`…/api`); a trailing `/v10` is tolerated. */
export function restApiBase(url: string | undefined): string {
  return (url ?? DISCORD_API).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * The Discord connection, in one of two transports, plus the outbox for scheduled posts:
 * - HTTP interactions (DISCORD_PUBLIC_KEY set): Discord POSTs each interaction, signed, to
 *   `/discord/interactions` on the bot's HTTP server; no gateway session at all, so any
 *   number of replicas can serve behind a load balancer.
 * - the gateway: a discord.js client with the `Guilds` intent only (interactions need no
 *   privileged intents), sharded as Discord recommends. The gateway URL and shard count
 *   come from `GET /gateway/bot` on the REST base, so DISCORD_API_URL moves both.
 * Both build discord.js interaction objects and answer them with the same handler.
 */
export function createDiscordAdapter(
  deps: AdapterDeps,
  options: DiscordAdapterOptions = {},
): PlatformAdapter {
  const { env, logger, config } = deps;
  // discord.js keeps the global limit per process too: at Discord's figure, above our own pace.
  const globalRequestsPerSecond = config.pacing.discord.globalLimit;
  const token = env.DISCORD_TOKEN;
  if (!token || !env.DISCORD_APPLICATION_ID)
    throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required');
  const api = restApiBase(env.DISCORD_API_URL);
  const listen = deps.listen !== false;
  const publicKey = env.DISCORD_PUBLIC_KEY;
  const overHttp = listen && publicKey !== undefined;
  if (overHttp && !deps.http) throw new Error('Discord HTTP interactions need the bot’s HTTP server');
  const client = overHttp
    ? new Client({
        intents: [],
        rest: { api, globalRequestsPerSecond },
        allowedMentions: NO_MENTIONS,
        // Nothing to keep between requests: each interaction carries what it needs.
        makeCache: Options.cacheWithLimits({ UserManager: 0, GuildMemberManager: 0, MessageManager: 0 }),
      })
    : new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: { api, globalRequestsPerSecond },
        allowedMentions: NO_MENTIONS,
        // As many shards as Discord recommends (one per ~1,000 servers; required from
        // 2,500), all in this process: one gateway process per bot token, as before.
        shards: 'auto',
      });
  const callbacks = overHttp ? new CallbackRest({ api }) : undefined;
  if (callbacks) client.rest = callbacks.setToken(token);
  // Its own REST with no immediate retries: a 5xx fails the job, which BullMQ retries with
  // backoff. Rate limits (429) are still waited out by discord.js.
  const outboxRest = new REST({ api, retries: 0, globalRequestsPerSecond }).setToken(token);
  const intake = deps.intake ?? new Intake();
  const handle = interactionHandler({
    engine: deps.engine,
    limits: deps.config.live,
    logger,
    deferAfterMs: options.deferAfterMs ?? DISCORD_LIMITS.interactionDeadlineMs / 2,
  });
  if (callbacks && publicKey && deps.http) {
    const signature = new InteractionSignature(publicKey);
    const route = httpInteractionRoute({ client, rest: callbacks, signature, handle, logger });
    deps.http.route('POST', INTERACTIONS_PATH, route, { interaction: true });
  } else if (listen) {
    guardGateway(client, intake, logger);
    client.on(Events.InteractionCreate, (interaction) => void intake.track(() => handle(interaction)));
    client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
    client.on(Events.ShardDisconnect, (event, shardId) =>
      logger.warn({ code: event.code, shardId }, 'discord: gateway closed'),
    );
  }

  let started = false;
  const connects = listen && !overHttp;

  return {
    platform: 'discord',
    outbox: new DiscordOutbox(outboxRest, logger, {
      pacer: deps.pacer,
      perSecond: config.pacing.discord.perSecond,
    }),
    async start() {
      // A worker only posts through REST: no gateway session (Discord caps those per day).
      if (connects) {
        const ready = once(client, Events.ClientReady);
        await Promise.all([ready, client.login(token)]);
        logger.info({ user: client.user?.tag, api, shards: client.ws.shards.size }, 'discord: connected');
      } else {
        // No gateway session: ask who the bot is, so a wrong token fails the start, not the first post.
        await checkToken(outboxRest);
        if (overHttp) logger.info({ api, path: INTERACTIONS_PATH }, 'discord: HTTP interactions');
        else logger.info({ api }, 'discord: REST only (worker)');
      }
      started = true;
    },
    async stop() {
      started = false;
      await client.destroy();
      for (const rest of [outboxRest, client.rest]) {
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
      }
    },
    ready: () => started && (!connects || client.ws.status === Status.Ready),
  };
}

/** A worker opens no gateway session, so it asks who it is to learn at start that a token is wrong. */
async function checkToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.user());
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401)
      throw new StartupError('discord: DISCORD_TOKEN was refused (401 Unauthorized)');
    throw error;
  }
}
