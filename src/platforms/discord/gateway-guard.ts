import type { Client } from 'discord.js';
import type { Logger } from '../../core/ports.js';
import type { Intake } from '../../ops/intake.js';
import { interactionProblem } from './packet.js';

interface PacketHandling {
  handlePacket(packet?: { t?: string | null; d?: unknown }, shard?: unknown): boolean;
}

/**
 * Stands between the gateway and discord.js's packet handling, which builds an Interaction
 * from the raw payload and throws (inside its WebSocket listener) on a malformed one. Here
 * a malformed INTERACTION_CREATE is dropped with one log line, interactions are ignored
 * while the bot drains, and nothing thrown while handling a packet leaves this function.
 * discord.js has no public hook before that step, so this wraps its (private) handlePacket.
 */
export function guardGateway(client: Client, intake: Intake, logger: Logger): void {
  const ws = client.ws as unknown as PacketHandling;
  const handle = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    if (packet?.t === 'INTERACTION_CREATE') {
      if (!intake.accepting) return true;
      const problem = interactionProblem(packet.d);
      if (problem) {
        logger.warn(
          { problem, id: (packet.d as { id?: unknown })?.id },
          'discord: malformed interaction dropped',
        );
        return true;
      }
    }
    try {
      return handle(packet, shard);
    } catch (error) {
      logger.error(
        { err: error instanceof Error ? error.message : String(error), event: packet?.t },
        'discord: gateway event failed',
      );
      return true;
    }
  };
}
