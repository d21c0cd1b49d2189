import { Agent, get } from 'node:http';
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

export interface PressPlan {
  /** The player of each press, in the order sent (a player may appear twice: a repeat). */
  players: number[];
  /** How many of them are repeats. */
  repeats: number;
}

/**
 * `players` distinct players, and after every fourth first press one player who already
 * pressed presses again — 20 % of all presses are repeats (500 players: 625 presses). A fixed
 * seed, so every app gets the same sequence.
 */
export function pressPlan(players: number, repeatEvery = 4): PressPlan {
  let seed = 0x2545f491;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0x1_0000_0000;
  };
  const order: number[] = [];
  let repeats = 0;
  for (let i = 0; i < players; i++) {
    order.push(i);
    if ((i + 1) % repeatEvery === 0) {
      order.push(Math.floor(random() * (i + 1)));
      repeats++;
    }
  }
  return { players: order, repeats };
}

/**
 * Sends the plan's presses with at most `inFlight` at a time (a new one as soon as one is
 * answered), each with its own action_ts, so a repeat is a second press and not a retry.
 * Press `n` is answered at `target.responseUrl(n)`.
 *
 * The presses go over `inFlight` keep-alive connections opened first (a GET each, which both
 * apps refuse cheaply) and never more, as Slack's edge or a load balancer holds them. A busy
 * Node server accepts new connections only between the requests it is serving: with fetch,
 * which opens another connection whenever none is free at that instant, 20–30 presses of each
 * burst waited 300–900 ms for their connection while the apps answered every request they had
 * read within 17 ms — the p99 was the harness's, not the app's.
 */
export async function pressPool(target: PressTarget, plan: PressPlan, inFlight: number): Promise<PressBurst> {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    return await pressOver(agent, target, plan, inFlight);
  } finally {
    agent.destroy();
  }
}

async function pressOver(
  agent: Agent,
  target: PressTarget,
  plan: PressPlan,
  inFlight: number,
): Promise<PressBurst> {
  await Promise.all(
    Array.from(
      { length: inFlight },
      () =>
        new Promise((resolve, reject) =>
          get(target.eventsUrl, { agent }, (res) => res.on('error', reject).resume().on('end', resolve)).on(
            'error',
            reject,
          ),
        ),
    ),
  );
  const statuses: number[] = new Array(plan.players.length).fill(0);
  const ackMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < plan.players.length) {
      const n = next++;
      const i = plan.players[n] as number;
      const body = blockActionsBody(
        {
          teamId: target.workspaceId,
          channelId: target.channelId,
          userId: player(i).id,
          userName: player(i).name,
        },
        {
          actionId: target.actionId,
          messageTs: target.messageTs,
          responseUrl: target.responseUrl(n),
          actionTs: `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, '0')}`,
        },
      );
      const result = await postSigned(target.eventsUrl, body, {
        signingSecret: target.signingSecret,
        agent,
      }).catch(() => ({ status: 0, ms: Number.NaN }));
      statuses[n] = result.status;
      ackMs.push(result.ms);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return { statuses, ackMs: ackMs.sort((a, b) => a - b), wallMs: performance.now() - started };
}
