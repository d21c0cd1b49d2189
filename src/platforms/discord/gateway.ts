import { once } from 'node:events';
import {
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
  Status,
} from 'discord.js';
import { commandOfForm } from '../../core/actions.js';
import type { RoundLimits } from '../../core/parse-command.js';
import type { Logger } from '../../core/ports.js';
import type { Intake } from '../../ops/intake.js';
import { submissionOf } from './form.js';
import { guardGateway } from './gateway-guard.js';
import type { Incoming } from './interactions.js';
import { NO_MENTIONS } from './outbox.js';
import { commandOf, pressOf, requestOf } from './parse.js';
import type { Outgoing, Responder } from './respond.js';

export interface GatewayOptions {
  token: string;
  api: string;
  globalRequestsPerSecond: number;
  intake: Intake;
  limits: RoundLimits;
  logger: Logger;
  handle: (incoming: Incoming) => Promise<void>;
}

/**
 * The gateway transport, loaded only when it is used (HTTP interactions and workers never
 * load discord.js's Client): a client with the `Guilds` intent only (interactions need no
 * privileged intents), sharded as Discord recommends. The gateway URL and shard count come
 * from `GET /gateway/bot` on the REST base, so DISCORD_API_URL moves both.
 */
export class DiscordGateway {
  private readonly client: Client;

  constructor(private readonly options: GatewayOptions) {
    const { api, globalRequestsPerSecond, intake, logger, limits, handle } = options;
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api, globalRequestsPerSecond },
      allowedMentions: NO_MENTIONS,
      // As many shards as Discord recommends (one per ~1,000 servers; required from
      // 2,500), all in this process: one gateway process per bot token, as before.
      shards: 'auto',
    });
    this.client = client;
    guardGateway(client, intake, logger);
    client.on(Events.InteractionCreate, (interaction) => {
      const incoming = incomingOf(interaction, limits);
      if (incoming) void intake.track(() => handle(incoming));
    });
    client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
    client.on(Events.ShardDisconnect, (event, shardId) =>
      logger.warn({ code: event.code, shardId }, 'discord: gateway closed'),
    );
  }

  async connect(): Promise<void> {
    const { client, options } = this;
    const ready = once(client, Events.ClientReady);
    await Promise.all([ready, client.login(options.token)]);
    options.logger.info(
      { user: client.user?.tag, api: options.api, shards: client.ws.shards.size },
      'discord: connected',
    );
  }

  ready = () => this.client.ws.status === Status.Ready;

  async destroy(): Promise<void> {
    await this.client.destroy();
    this.client.rest.clearHashSweeper();
    this.client.rest.clearHandlerSweeper();
  }
}

/** The kinds the bot answers, as discord.js builds them from the gateway's packets. */
function incomingOf(interaction: Interaction, limits: RoundLimits): Incoming | undefined {
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit())
    return undefined;
  return {
    id: interaction.id,
    locale: interaction.locale,
    command: () =>
      interaction.isButton()
        ? pressOf(interaction)
        : interaction.isModalSubmit()
          ? commandOfForm(submissionOf(interaction))
          : commandOf(interaction, limits),
    request: (command) => requestOf(interaction, command),
    responder: responderOf(interaction),
  };
}

const replyOptions = (o: Outgoing): InteractionReplyOptions => ({
  embeds: o.message.embeds,
  components: o.message.components,
  allowedMentions: NO_MENTIONS,
  ...(o.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

/** discord.js's own interaction methods: it posts the callback and the webhook calls. */
function responderOf(interaction: RepliableInteraction): Responder {
  return {
    kind: interaction.isModalSubmit() ? 'modal' : interaction.isMessageComponent() ? 'component' : 'command',
    reply: async (o) => void (await interaction.reply(replyOptions(o))),
    replyText: async (content) => void (await interaction.reply({ content, flags: MessageFlags.Ephemeral })),
    showModal: async (modal) => {
      if (interaction.isModalSubmit()) throw new Error('a modal cannot answer a modal');
      await interaction.showModal(modal);
    },
    defer: async (ephemeral) =>
      void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    deferUpdate: async () => {
      if (interaction.isMessageComponent()) await interaction.deferUpdate();
    },
    editReply: async (o) => {
      const { flags: _ignored, ...edit } = replyOptions(o);
      await interaction.editReply(edit);
    },
    deleteReply: () => interaction.deleteReply(),
    followUp: async (o) => void (await interaction.followUp(replyOptions(o))),
  };
}
