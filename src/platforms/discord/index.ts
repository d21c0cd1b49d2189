import { Routes } from 'discord-api-types/v10';
import { Intake } from '../../ops/intake.js';
import { StartupError } from '../../ops/redis-connect.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import type { DiscordGateway } from './gateway.js';
import { httpInteractionRoute } from './http-interactions.js';
import { interactionHandler } from './interactions.js';
import { DISCORD_LIMITS } from './limits.js';
import { DiscordOutbox } from './outbox.js';
import { createRest, DiscordAPIError, type REST } from './rest.js';
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
 *   number of replicas can serve behind a load balancer. The interaction stays Discord's
 *   JSON and the answer is JSON: only @discordjs/rest (for webhooks and posts, over node:http:
 *   rest.ts) is loaded.
 * - the gateway (gateway.ts): discord.js's Client, loaded at start only in this mode.
 * Both answer with the same handler (interactions.ts); a worker (ROLE=worker) only posts.
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
  const connects = listen && !overHttp;
  // Its own REST with no immediate retries: a 5xx fails the job, which BullMQ retries with
  // backoff. Rate limits (429) are still waited out by discord.js.
  const outboxRest = createRest({ api, retries: 0, globalRequestsPerSecond }).setToken(token);
  // Interaction webhooks over HTTP: retried like discord.js's client does on the gateway.
  const webhookRest = overHttp ? createRest({ api, globalRequestsPerSecond }).setToken(token) : undefined;
  const intake = deps.intake ?? new Intake();
  const handle = interactionHandler({
    engine: deps.engine,
    logger,
    deferAfterMs: options.deferAfterMs ?? DISCORD_LIMITS.interactionDeadlineMs / 2,
  });
  if (webhookRest && publicKey && deps.http) {
    const signature = new InteractionSignature(publicKey);
    const route = httpInteractionRoute({
      rest: webhookRest,
      signature,
      limits: config.live,
      handle,
      logger,
    });
    deps.http.route('POST', INTERACTIONS_PATH, route, { interaction: true });
  }

  let started = false;
  let gateway: DiscordGateway | undefined;

  return {
    platform: 'discord',
    outbox: new DiscordOutbox(outboxRest, logger, {
      pacer: deps.pacer,
      perSecond: config.pacing.discord.perSecond,
    }),
    async start() {
      if (connects) {
        const { DiscordGateway } = await import('./gateway.js');
        gateway = new DiscordGateway({
          token,
          api,
          globalRequestsPerSecond,
          intake,
          limits: config.live,
          logger,
          handle,
        });
        await gateway.connect();
      } else {
        // No gateway session (HTTP interactions, or a worker, which only posts: Discord caps
        // sessions per day): ask who the bot is, so a wrong token fails the start, not the first post.
        await checkToken(outboxRest);
        if (overHttp) logger.info({ api, path: INTERACTIONS_PATH }, 'discord: HTTP interactions');
        else logger.info({ api }, 'discord: REST only (worker)');
      }
      started = true;
    },
    async stop() {
      started = false;
      await gateway?.destroy();
      for (const rest of [outboxRest, webhookRest]) {
        rest?.clearHashSweeper();
        rest?.clearHandlerSweeper();
      }
    },
    ready: () => started && (!connects || gateway?.ready() === true),
  };
}

/** Without a gateway session, ask who the bot is to learn at start that a token is wrong. */
async function checkToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.user());
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401)
      throw new StartupError('discord: DISCORD_TOKEN was refused (401 Unauthorized)');
    throw error;
  }
}
