import type { ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import {
  ApplicationCommandType,
  ButtonInteraction,
  ChatInputCommandInteraction,
  type Client,
  ComponentType,
  type Interaction,
  InteractionType,
  ModalSubmitInteraction,
} from 'discord.js';
import type { Logger } from '../../core/ports.js';
import { readLimited } from '../../http/read-body.js';
import type { RouteHandler } from '../../http/server.js';
import type { CallbackRest } from './http-callbacks.js';
import { interactionProblem } from './packet.js';
import type { InteractionSignature } from './signature.js';

/** Discord's interaction payloads are a few kB (a pressed message with its embeds at most tens). */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpInteractionDeps {
  client: Client;
  rest: CallbackRest;
  signature: InteractionSignature;
  /** The same handling as on the gateway (interactions.ts). */
  handle: (interaction: Interaction) => Promise<void>;
  logger: Logger;
  now?: () => number;
}

/**
 * `POST /discord/interactions`, Discord's Interactions Endpoint URL. The body is read (at
 * most 256 kB), its Ed25519 signature and timestamp checked (401), PING answered with PONG,
 * anything else validated like a gateway packet (400) before discord.js builds its
 * interaction object from it — then the gateway's own handler runs, and its first answer
 * becomes this request's response (see CallbackRest). Never throws.
 */
export function httpInteractionRoute(deps: HttpInteractionDeps): RouteHandler {
  const { logger } = deps;
  const now = deps.now ?? Date.now;
  return async (req, res) => {
    const raw = await readLimited(req, BODY_LIMIT_BYTES).catch(() => null);
    if (raw === null) return void res.destroy(); // the client went away mid-body
    if (raw === undefined) {
      logger.warn({ limit: BODY_LIMIT_BYTES }, 'discord: interaction body too large');
      return reply(res, 413);
    }
    const signed = deps.signature.check(req.headers, raw, now());
    if (!signed.ok) {
      logger.warn({ reason: signed.reason }, 'discord: interaction signature refused');
      return reply(res, 401);
    }
    const packet = parseJson(raw);
    if ((packet as { type?: unknown } | undefined)?.type === InteractionType.Ping)
      return reply(res, 200, { type: 1 }); // PONG: Discord checks the endpoint with this
    const problem = packet === undefined ? 'not JSON' : interactionProblem(packet);
    const interaction = problem ? undefined : interactionOf(deps.client, packet);
    if (!interaction) {
      logger.warn(
        { problem: problem ?? 'an interaction kind the bot does not handle', id: idOf(packet) },
        'discord: malformed interaction refused',
      );
      return reply(res, 400);
    }
    const forget = deps.rest.expect(interaction.id, async (body) => {
      reply(res, 200, body);
      await finished(res);
    });
    try {
      await deps.handle(interaction);
    } finally {
      forget();
    }
    // The handler left it unanswered (a command of another application, a forged form).
    if (!res.headersSent) reply(res, 400);
  };
}

type InteractionClass = new (client: Client, data: unknown) => Interaction;

/**
 * discord.js's own object for the kinds the bot answers, built as its gateway handling builds
 * them (the constructors are internal in its typings, hence the cast).
 */
function interactionOf(client: Client, packet: unknown): Interaction | undefined {
  const p = packet as { type: number; data: { type?: number; component_type?: number } };
  const kind =
    p.type === InteractionType.ApplicationCommand && p.data.type === ApplicationCommandType.ChatInput
      ? ChatInputCommandInteraction
      : p.type === InteractionType.MessageComponent && p.data.component_type === ComponentType.Button
        ? ButtonInteraction
        : p.type === InteractionType.ModalSubmit
          ? ModalSubmitInteraction
          : undefined;
  try {
    return kind ? new (kind as unknown as InteractionClass)(client, packet) : undefined;
  } catch {
    return undefined; // something the packet check let through and discord.js cannot read
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

const idOf = (packet: unknown) => (packet as { id?: unknown } | undefined)?.id;

function reply(res: ServerResponse, status: number, json?: unknown): void {
  if (res.headersSent) return;
  if (json === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}
