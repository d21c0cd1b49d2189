import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command, type Redis } from 'ioredis';
import type { AnswerOutcome } from '../core/round.js';
import { previousRoundId } from '../core/round-ids.js';
import type { Keys } from './keys.js';

/**
 * Answers to a round pressed in the same event-loop turn go to Redis together: one
 * record-answers.lua call, written straight into one buffer. A burst of presses is hundreds in
 * flight at once; one script call per answer cost Redis a script start, a read of the round and
 * an append per press, and the client a command, a promise and some forty strings per press:
 * garbage whose young-generation collections stall every answer in flight. Nothing is answered
 * before Redis replied, so an acknowledged answer is stored, as before.
 */
const LUA = readFileSync(new URL('./lua/record-answers.lua', import.meta.url), 'utf8');
const SHA = createHash('sha1').update(LUA).digest('hex');
/** The command and its sha, as bulk strings: the same in every call. */
const EVALSHA = Buffer.from(`$7\r\nevalsha\r\n$40\r\n${SHA}\r\n`);
/** Answers per script call at most: each adds four arguments and three reply integers. */
const BATCH_MAX = 200;
/** Rounds open at once are few: their keys' encodings are dropped when this many pile up. */
const HEADS_KEPT = 1000;
const NO_ARGS: string[] = [];
const NO_OPTIONS = {};

const RECORDED = 1;
const ALREADY = 2;
const CLOSED = 3;

/** A command ioredis queues, resends after a reconnect and answers like any other, written as given. */
class PrebuiltCommand extends Command {
  constructor(private readonly wire: Buffer) {
    super('evalsha', NO_ARGS, NO_OPTIONS);
  }

  override toWritable(): Buffer {
    return this.wire;
  }
}

/** Answers waiting for the end of the turn, for one round and team. */
class Batch {
  /** Four per answer: player id, choice, now, name. */
  readonly args: string[] = [];
  readonly choices: number[] = [];
  readonly resolves: ((outcome: AnswerOutcome) => void)[] = [];
  readonly rejects: ((error: unknown) => void)[] = [];

  constructor(
    /** The key count and the keys, encoded (`AnswerCall.keysOf`). */
    readonly keys: Buffer,
    readonly keyCount: number,
    readonly teamId: string,
  ) {}
}

export class AnswerCall {
  private readonly pending = new Map<string, Batch>();
  private readonly heads = new Map<string, { keys: Buffer; count: number }>();
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
      const head = this.keysOf(roundId);
      batch = new Batch(head.keys, head.count, teamId);
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
    const wire = encode(batch);
    const run = () => {
      const command = new PrebuiltCommand(wire);
      this.redis.sendCommand(command);
      return command.promise as Promise<number[]>;
    };
    const fail = (error: unknown) => {
      for (const reject of batch.rejects) reject(error);
    };
    run().then(
      (reply) => settle(batch, reply),
      (error: unknown) => {
        // A server without the script (restarted, SCRIPT FLUSH): load it and send the call again.
        if (!isNoScript(error)) return fail(error);
        this.redis
          .script('LOAD', LUA)
          .then(run)
          .then((reply) => settle(batch, reply), fail);
      },
    );
  }

  /** The key count and keys: the round's and, for a live round, the previous question's answers. */
  private keysOf(roundId: string): { keys: Buffer; count: number } {
    let head = this.heads.get(roundId);
    if (head === undefined) {
      const previous = roundId.startsWith('live-') ? previousRoundId(roundId) : undefined;
      const keys = previous
        ? [this.keys.round(roundId), this.keys.answers(previous)]
        : [this.keys.round(roundId)];
      head = { keys: Buffer.from([String(keys.length), ...keys].map(bulk).join('')), count: keys.length };
      if (this.heads.size >= HEADS_KEPT) this.heads.clear();
      this.heads.set(roundId, head);
    }
    return head;
  }
}

const bulk = (s: string) => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
/** Bytes of one bulk string of `text`: `$n\r\n` text `\r\n`. */
const bulkSize = (text: string) => {
  const n = Buffer.byteLength(text);
  return String(n).length + 5 + n;
};

/** EVALSHA sha numkeys keys… team, then four arguments per answer (record-answers.lua). */
function encode(batch: Batch): Buffer {
  const { args } = batch;
  const top = `*${4 + batch.keyCount + args.length}\r\n`;
  let size = top.length + EVALSHA.length + batch.keys.length + bulkSize(batch.teamId);
  for (const arg of args) size += bulkSize(arg);
  const wire = Buffer.allocUnsafe(size);
  let o = wire.write(top, 0, 'latin1');
  o += EVALSHA.copy(wire, o);
  o += batch.keys.copy(wire, o);
  o = put(wire, o, batch.teamId);
  for (const arg of args) o = put(wire, o, arg);
  return wire;
}

/** Writes one bulk string at `o`; the offset after it. */
function put(wire: Buffer, o: number, text: string): number {
  wire[o++] = 0x24; // $
  o += wire.write(String(Buffer.byteLength(text)), o, 'latin1');
  wire[o++] = 0x0d;
  wire[o++] = 0x0a;
  o += wire.write(text, o, 'utf8');
  wire[o++] = 0x0d;
  wire[o++] = 0x0a;
  return o;
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

const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');
