import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, REST, Status } from 'discord.js';
import { Intake } from '../../ops/intake.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import { guardGateway } from './gateway-guard.js';
import { interactionHandler } from './interactions.js';
import { DISCORD_LIMITS } from './limits.js';
import { DiscordOutbox, NO_MENTIONS } from './outbox.js';

export interface DiscordAdapterOptions {
  /**
   * Engine answers slower than this are deferred first, leaving half of Discord's 3-second
   * deadline for the network.
   * @defaultValue 1500
   */
  deferAfterMs?: number;
}

export const DISCORD_API = 'https://discord.com/api';

/** `DISCORD_API_URL` is the REST base (`…/api`); a trailing `/v10` is tolerated. */
export function restApiBase(url: string | undefined): string {
  return (url ?? DISCORD_API).replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/**
 * The Discord connection: a discord.js client on the gateway with the `Guilds` intent only
 * (interactions need no privileged intents), and the outbox for scheduled posts. The gateway
 * URL comes from `GET /gateway/bot` on the REST base, so DISCORD_API_URL moves both.
 */
export function createDiscordAdapter(
  deps: AdapterDeps,
  options: DiscordAdapterOptions = {},
): PlatformAdapter {
  const { env, logger } = deps;
  const token = env.DISCORD_TOKEN;
  if (!token || !env.DISCORD_APPLICATION_ID)
    throw new Error('DISCORD_TOKEN and DISCORD_APPLICATION_ID are required');
  const api = restApiBase(env.DISCORD_API_URL);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api },
    allowedMentions: NO_MENTIONS,
  });
  // Its own REST with no immediate retries: a 5xx fails the job, which BullMQ retries with
  // backoff. Rate limits (429) are still waited out by discord.js.
  const outboxRest = new REST({ api, retries: 0 }).setToken(token);
  const intake = deps.intake ?? new Intake();
  const handle = interactionHandler({
    engine: deps.engine,
    limits: deps.config.live,
    logger,
    deferAfterMs: options.deferAfterMs ?? DISCORD_LIMITS.interactionDeadlineMs / 2,
  });
  guardGateway(client, intake, logger);
  client.on(Events.InteractionCreate, (interaction) => void intake.track(() => handle(interaction)));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, 'discord: gateway closed'),
  );

  const listen = deps.listen !== false;
  let started = false;

  return {
    platform: 'discord',
    outbox: new DiscordOutbox(outboxRest, logger),
    async start() {
      // A worker only posts through REST: no gateway session (Discord caps those per day).
      if (listen) {
        const ready = once(client, Events.ClientReady);
        await Promise.all([ready, client.login(token)]);
        logger.info({ user: client.user?.tag, api }, 'discord: connected');
      } else logger.info({ api }, 'discord: REST only (worker)');
      started = true;
    },
    async stop() {
      started = false;
      await client.destroy();
      outboxRest.clearHashSweeper();
      outboxRest.clearHandlerSweeper();
    },
    ready: () => started && (!listen || client.ws.status === Status.Ready),
  };
}
