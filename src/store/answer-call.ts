import type { Redis } from 'ioredis';
import type { AnswerOutcome } from '../core/round.js';
import { previousRoundId } from '../core/round-ids.js';
import type { Keys } from './keys.js';
import { callScript } from './script-wire.js';

/*
 * Answers to a round pressed in the same event-loop turn go to Redis together: one
 * record-answers.lua call, written straight into one buffer (script-wire.ts; NOSCRIPT loads the
 * script). A burst of presses is hundreds in flight at once; one script call per answer cost
 * Redis a script start, a read of the round and an append per press, and the client a command,
 * a promise and some forty strings per press: garbage whose young-generation collections stall
 * every answer in flight. Nothing is answered before Redis replied, so an acknowledged answer is
 * stored, as before.
 */

/** Answers per script call at most: each adds four arguments and three reply integers. */
const BATCH_MAX = 200;
/** Rounds open at once are few: their keys are dropped when this many pile up. */
const HEADS_KEPT = 1000;

const RECORDED = 1;
const ALREADY = 2;
const CLOSED = 3;

/** Answers waiting for the end of the turn, for one round and team. */
class Batch {
  /** The team, then four per answer: player id, choice, now, name. */
  readonly args: string[];
  readonly choices: number[] = [];
  readonly resolves: ((outcome: AnswerOutcome) => void)[] = [];
  readonly rejects: ((error: unknown) => void)[] = [];

  constructor(
    /** The round's key and, for a live round, the previous question's answers. */
    readonly keys: string[],
    readonly teamId: string,
  ) {
    this.args = [teamId];
  }
}

export class AnswerCall {
  private readonly pending = new Map<string, Batch>();
  private readonly heads = new Map<string, string[]>();
  private flushing = false;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Records one answer with the others of this turn; settles once Redis has stored it (or refused). */
  record(teamId: string, roundId: string, playerId: string, name: string, choice: number, now: number) {
    let batch = this.pending.get(roundId);
    if (batch && (batch.teamId !== teamId || batch.choices.length >= BATCH_MAX)) {
      this.pending.delete(roundId);
      this.send(batch);
      batch = undefined;
    }
    if (!batch) {
      batch = new Batch(this.keysOf(roundId), teamId);
      this.pending.set(roundId, batch);
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(this.flush);
      }
    }
    const b = batch;
    b.args.push(playerId, String(choice), String(now), name);
    b.choices.push(choice);
    return new Promise<AnswerOutcome>((resolve, reject) => {
      b.resolves.push(resolve);
      b.rejects.push(reject);
    });
  }

  private readonly flush = () => {
    this.flushing = false;
    for (const batch of this.pending.values()) this.send(batch);
    this.pending.clear();
  };

  private send(batch: Batch): void {
    callScript(this.redis, 'recordAnswers', batch.keys, batch.args).then(
      (reply) => settle(batch, reply as number[]),
      (error: unknown) => {
        for (const reject of batch.rejects) reject(error);
      },
    );
  }

  /** The round's key and, for a live round, the previous question's answers. */
  private keysOf(roundId: string): string[] {
    let keys = this.heads.get(roundId);
    if (keys === undefined) {
      const previous = roundId.startsWith('live-') ? previousRoundId(roundId) : undefined;
      keys = previous ? [this.keys.round(roundId), this.keys.answers(previous)] : [this.keys.round(roundId)];
      if (this.heads.size >= HEADS_KEPT) this.heads.clear();
      this.heads.set(roundId, keys);
    }
    return keys;
  }
}

/** Hands each answer its three reply integers, decoded. */
function settle(batch: Batch, reply: number[]): void {
  for (let i = 0; i < batch.resolves.length; i++) {
    const at = i * 3;
    const resolve = batch.resolves[i] as (outcome: AnswerOutcome) => void;
    switch (reply[at]) {
      case RECORDED:
        resolve({
          status: 'recorded',
          choice: batch.choices[i] as number,
          closesAt: reply[at + 1] as number,
          everyoneAnswered: reply[at + 2] === 1,
        });
        break;
      case ALREADY:
        resolve({ status: 'already', choice: reply[at + 1] as number });
        break;
      case CLOSED:
        resolve({ status: 'closed' });
        break;
      default:
        resolve({ status: 'unknown' });
    }
  }
}
