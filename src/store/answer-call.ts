import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command, type Redis } from 'ioredis';
import { previousRoundId } from '../core/round-ids.js';
import type { Keys } from './keys.js';

/**
 * record-answer.lua's EVALSHA written straight into one buffer. Every press runs it, hundreds at
 * once: the generic script call (ioredis defineCommand) makes arrays, closures and an extra
 * promise per call and builds the request by joining some forty strings, and that garbage costs
 * young-generation collections, each of which stalls every answer in flight. Here the request's
 * fixed head (command, sha, keys) is built once per round and the five arguments are copied
 * in after it.
 */
const LUA = readFileSync(new URL('./lua/record-answer.lua', import.meta.url), 'utf8');
const SHA = createHash('sha1').update(LUA).digest('hex');
/** The script's arguments after its keys (see record-answer.lua). */
const ARG_COUNT = 5;
const NO_ARGS: string[] = [];
const NO_OPTIONS = {};
/** Rounds open at once are few: the heads are dropped when this many pile up. */
const HEADS_KEPT = 1000;

const bulk = (s: string) => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
/** Bytes of a bulk string's frame around `n` bytes of text: `$n\r\n` … `\r\n`. */
const lengthOf = (n: number) => String(n).length + 5;
/** Writes one bulk string of `bytes` bytes at `o`; the offset after it. */
function put(wire: Buffer, o: number, text: string, bytes: number): number {
  wire[o++] = 0x24; // $
  o += wire.write(String(bytes), o, 'latin1');
  wire[o++] = 0x0d;
  wire[o++] = 0x0a;
  o += wire.write(text, o, 'utf8');
  wire[o++] = 0x0d;
  wire[o++] = 0x0a;
  return o;
}

/** A command ioredis queues, resends after a reconnect and answers like any other, written as given. */
class PrebuiltCommand extends Command {
  constructor(private readonly wire: Buffer) {
    super('evalsha', NO_ARGS, NO_OPTIONS);
  }

  override toWritable(): Buffer {
    return this.wire;
  }
}

export class AnswerCall {
  private readonly heads = new Map<string, Buffer>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * Runs record-answer.lua; its integer reply. A server without the script (restarted, SCRIPT
   * FLUSH) answers NOSCRIPT: the caller then goes through `runScript`, which sends the script.
   */
  send(teamId: string, roundId: string, playerId: string, name: string, choice: number, now: number) {
    const head = this.head(roundId);
    const at = String(now);
    const c = String(choice);
    const idLength = Buffer.byteLength(playerId);
    const nameLength = Buffer.byteLength(name);
    const teamLength = Buffer.byteLength(teamId);
    const size =
      head.length +
      lengthOf(idLength) +
      idLength +
      lengthOf(c.length) +
      c.length +
      lengthOf(at.length) +
      at.length +
      lengthOf(nameLength) +
      nameLength +
      lengthOf(teamLength) +
      teamLength;
    const wire = Buffer.allocUnsafe(size);
    let o = head.copy(wire, 0);
    o = put(wire, o, playerId, idLength);
    o = put(wire, o, c, c.length);
    o = put(wire, o, at, at.length);
    o = put(wire, o, name, nameLength);
    put(wire, o, teamId, teamLength);
    const command = new PrebuiltCommand(wire);
    this.redis.sendCommand(command);
    return command.promise as Promise<number[]>;
  }

  /** EVALSHA, the sha and the keys: the round's and, for a live round, the previous question's answers. */
  private head(roundId: string): Buffer {
    let head = this.heads.get(roundId);
    if (head === undefined) {
      const previous = roundId.startsWith('live-') ? previousRoundId(roundId) : undefined;
      const keys = previous
        ? [this.keys.round(roundId), this.keys.answers(previous)]
        : [this.keys.round(roundId)];
      head = Buffer.from(
        `*${3 + keys.length + ARG_COUNT}\r\n$7\r\nevalsha\r\n${bulk(SHA)}${bulk(String(keys.length))}${keys.map(bulk).join('')}`,
      );
      if (this.heads.size >= HEADS_KEPT) this.heads.clear();
      this.heads.set(roundId, head);
    }
    return head;
  }
}

export const isNoScript = (error: unknown): boolean =>
  error instanceof Error && error.message.startsWith('NOSCRIPT');
