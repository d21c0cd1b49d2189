import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { APIInteraction } from 'discord-api-types/v10';
import type { RoundLimits } from '../../core/parse-command.js';
import type { Logger } from '../../core/ports.js';
import { readLimitedBytes } from '../../http/read-body.js';
import type { RouteHandler } from '../../http/server.js';
import {
  type AnsweredInteraction,
  answeredKind,
  commandOfInteraction,
  isComponent,
  isModalSubmit,
  requestOfInteraction,
} from './api-interaction.js';
import { HttpResponder } from './http-responder.js';
import type { Incoming } from './interactions.js';
import { interactionProblem } from './packet.js';
import type { REST } from './rest.js';
import type { InteractionSignature } from './signature.js';

/** Discord's interaction payloads are a few kB (a pressed message with its embeds at most tens). */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpInteractionDeps {
  /** For the interaction's webhook (follow-ups, the deferred reply's edit). */
  rest: REST;
  signature: InteractionSignature;
  limits: RoundLimits;
  /** The same handling as on the gateway (interactions.ts). */
  handle: (incoming: Incoming) => Promise<void>;
  logger: Logger;
  now?: () => number;
}

/**
 * `POST /discord/interactions`, Discord's Interactions Endpoint URL. The body is read (at
 * most 256 kB), its Ed25519 signature and timestamp checked (401), PING answered with PONG,
 * anything else parsed once and validated like a gateway packet (400) — then the gateway's
 * handler runs on the JSON itself (no discord.js objects: this is the hot path of a press),
 * and its first answer becomes this request's response (HttpResponder). Never throws; logs
 * only what is refused.
 */
export function httpInteractionRoute(deps: HttpInteractionDeps): RouteHandler {
  const { logger, limits } = deps;
  const now = deps.now ?? Date.now;
  return async (req, res) => {
    const raw = await readLimitedBytes(req, BODY_LIMIT_BYTES).catch(() => null);
    if (raw === null) return void res.destroy(); // the client went away mid-body
    if (raw === undefined) {
      logger.warn({ limit: BODY_LIMIT_BYTES }, 'discord: interaction body too large');
      return reply(res, 413);
    }
    const incoming = admit(raw, req.headers, res);
    if (!incoming) return;
    await deps.handle(incoming);
    // The handler left it unanswered (a command of another application, a forged form).
    if (!incoming.responder.answered) reply(res, 400);
  };

  /**
   * Checks, parses and reads a request's body into the handler's Incoming, or answers it
   * (PONG, 401, 400) and returns undefined. Synchronous on purpose: the parsed payload (the
   * pressed message and its embeds) is garbage once this returns, so a hundred presses
   * waiting on Redis hold a few hundred bytes each, not their payloads — under a burst those
   * payloads otherwise survive young-generation collections and get copied and promoted.
   */
  function admit(
    raw: Buffer,
    headers: IncomingHttpHeaders,
    res: ServerResponse,
  ): (Incoming & { responder: HttpResponder }) | undefined {
    const signed = deps.signature.check(headers, raw, now());
    if (!signed.ok) {
      logger.warn({ reason: signed.reason }, 'discord: interaction signature refused');
      return reply(res, 401);
    }
    const packet = parseJson(raw);
    if ((packet as { type?: unknown } | undefined)?.type === 1) return reply(res, 200, { type: 1 }); // PING → PONG
    const problem = packet === undefined ? 'not JSON' : interactionProblem(packet);
    const interaction = problem ? undefined : answeredKind(packet as APIInteraction);
    if (!interaction) {
      logger.warn(
        { problem: problem ?? 'an interaction kind the bot does not handle', id: idOf(packet) },
        'discord: malformed interaction refused',
      );
      return reply(res, 400);
    }
    const kind = isModalSubmit(interaction) ? 'modal' : isComponent(interaction) ? 'component' : 'command';
    const responder = new HttpResponder(kind, res, deps.rest, interaction.application_id, interaction.token);
    // Read now, thrown later: the handler treats a throwing command() as it does on the gateway.
    const read = readInteraction(interaction, limits);
    return {
      id: interaction.id,
      locale: interaction.locale,
      command: () => {
        if ('error' in read) throw read.error;
        return read.command;
      },
      request: () => read.request, // read above, for this same command
      responder,
    };
  }
}

function readInteraction(interaction: AnsweredInteraction, limits: RoundLimits) {
  try {
    const command = commandOfInteraction(interaction, limits);
    return { command, request: command && requestOfInteraction(interaction, command) };
  } catch (error) {
    return { command: undefined, request: undefined, error };
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const idOf = (packet: unknown) => (packet as { id?: unknown } | undefined)?.id;

function reply(res: ServerResponse, status: number, json?: unknown): undefined {
  if (res.headersSent) return;
  if (json === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}
