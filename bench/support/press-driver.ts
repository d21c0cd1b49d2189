import { blockActionsBody, type Place } from '../../test/fakes/slack/payloads.js';
import { postSigned } from '../../test/fakes/slack/signed-request.js';

/** One button on one posted message, and where each player's press is answered. */
export interface PressTarget {
  /** The app's `/slack/events`. */
  eventsUrl: string;
  signingSecret: string;
  channelId: string;
  workspaceId: string;
  messageTs: string;
  actionId: string;
  /** The response_url of player `i`'s press (a fake Slack URL with its own key). */
  responseUrl: (i: number) => string;
}

export interface PressBurst {
  statuses: number[];
  /** Milliseconds from sending each press to its HTTP answer (the ack), sorted. */
  ackMs: number[];
  wallMs: number;
}

/** Player `i`: user id `UP<i>`, named `player<i>`. */
export const player = (i: number) => ({ id: `UP${i}`, name: `player${i}` });

/** `players` distinct players press the button at the same moment: every signed request in flight at once. */
export async function pressAtOnce(target: PressTarget, players: number): Promise<PressBurst> {
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: players }, async (_, i) => {
      const place: Place = {
        teamId: target.workspaceId,
        channelId: target.channelId,
        userId: player(i).id,
        userName: player(i).name,
      };
      const body = blockActionsBody(place, {
        actionId: target.actionId,
        messageTs: target.messageTs,
        responseUrl: target.responseUrl(i),
      });
      return postSigned(target.eventsUrl, body, { signingSecret: target.signingSecret }).catch(() => ({
        status: 0,
        body: '',
        ms: Number.NaN,
      }));
    }),
  );
  return {
    statuses: results.map((r) => r.status),
    ackMs: results.map((r) => r.ms).sort((a, b) => a - b),
    wallMs: performance.now() - started,
  };
}
