import { createHash } from 'node:crypto';
import { Command, type Redis } from 'ioredis';
import { runScript, SCRIPTS, type ScriptName, scriptSource } from './scripts.js';

/**
 * A script's EVALSHA written straight into one buffer, for the calls made thousands of times a
 * minute (the daily fan-out). ioredis's generic script call copies the arguments into arrays,
 * adds a promise and a closure per call and builds the request by joining a few strings per
 * argument; that garbage was a good part of the fan-out's young-generation collections.
 */
const NO_ARGS: string[] = [];
const UTF8 = { replyEncoding: 'utf8' as const };
const CRLF = 0x0d0a;

/** A command ioredis queues, resends after a reconnect and answers like any other, written as given. */
class WireCommand extends Command {
  constructor(private readonly wire: Buffer) {
    super('evalsha', NO_ARGS, UTF8);
  }

  override toWritable(): Buffer {
    return this.wire;
  }
}

/** `EVALSHA <sha>` as bulk strings, per script. */
const heads = new Map<ScriptName, string>();
function headOf(name: ScriptName): string {
  let head = heads.get(name);
  if (head === undefined) {
    const sha = createHash('sha1').update(scriptSource(name)).digest('hex');
    head = `$7\r\nevalsha\r\n$40\r\n${sha}\r\n`;
    heads.set(name, head);
  }
  return head;
}

/** The scripts each connection was sent SCRIPT LOAD for since it last became ready. */
const loaded = new WeakMap<Redis, Set<ScriptName>>();

/**
 * Sends SCRIPT LOAD ahead of a connection's first EVALSHA of `name`, without waiting for it:
 * Redis runs one connection's commands in order, so the EVALSHA finds the script. Otherwise a
 * fresh or restarted server answers the first calls NOSCRIPT, and their second attempts run after
 * calls sent later: two presses of one player in two answer batches would count the second.
 */
function loadAhead(redis: Redis, name: ScriptName): void {
  let names = loaded.get(redis);
  if (names === undefined) {
    names = new Set();
    loaded.set(redis, names);
    // A reconnected server may have lost its scripts (a restart without persistence of them).
    redis.on('ready', () => loaded.get(redis)?.clear());
  }
  if (names.has(name)) return;
  names.add(name);
  redis.script('LOAD', scriptSource(name)).catch(() => undefined); // the EVALSHA reports any failure
}

// Buffer#write with an encoding argument, and String(n), cost about a microsecond per argument:
// digits are written by hand, text through write's default (UTF-8) fast path.

/** The decimal digits of `n` at `o`; the offset after them. */
function digits(wire: Buffer, o: number, n: number): number {
  if (n >= 10) o = digits(wire, o, Math.floor(n / 10));
  wire[o] = 0x30 + (n % 10);
  return o + 1;
}

/** `*n` or `$n`, then CRLF, at `o`; the offset after it. */
function header(wire: Buffer, o: number, mark: number, n: number): number {
  wire[o] = mark;
  o = digits(wire, o + 1, n);
  wire.writeUInt16BE(CRLF, o);
  return o + 2;
}

/** One bulk string of `bytes` bytes at `o`; the offset after it. */
function bulk(wire: Buffer, o: number, text: string, bytes: number): number {
  o = header(wire, o, 0x24, bytes);
  o += wire.write(text, o);
  wire.writeUInt16BE(CRLF, o);
  return o + 2;
}

const corked = new WeakSet<object>();

/**
 * Holds the connection's writes until the current tick's callbacks have run, then sends them in
 * one system call: hundreds of daily jobs resume on the same reply packet and each sends its
 * next script, and on a local Redis the send, not the command, was most of a job's CPU. Nothing
 * else changes: ioredis has queued each command as sent, as it would have without this.
 */
function batchWrites(redis: Redis): void {
  const stream = (redis as unknown as { stream?: import('node:net').Socket }).stream;
  if (redis.status !== 'ready' || !stream || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}

/**
 * Runs script `name` as one prebuilt EVALSHA. A server without the script (restarted, SCRIPT
 * FLUSH) answers NOSCRIPT without running anything: the call then goes through `runScript`,
 * which sends the script itself.
 */
export async function callScript(
  redis: Redis,
  name: ScriptName,
  keys: string[],
  args: string[],
): Promise<unknown> {
  const count = SCRIPTS[name].keys;
  if (count > 0 && keys.length !== count) throw new Error(`${name} takes ${count} keys`);
  const items = keys.length + args.length;
  const lengths = new Array<number>(items);
  // The array header, EVALSHA, the sha and the key count fit in 96 bytes; a bulk string's frame
  // (`$`, its length, two CRLFs) in 16.
  let size = 96;
  for (let i = 0; i < items; i++) {
    const text = (i < keys.length ? keys[i] : args[i - keys.length]) as string;
    lengths[i] = Buffer.byteLength(text);
    size += (lengths[i] as number) + 16;
  }
  const wire = Buffer.allocUnsafe(size);
  let o = header(wire, 0, 0x2a, 3 + items);
  o += wire.write(headOf(name), o);
  o = bulk(wire, o, String(keys.length), String(keys.length).length);
  for (let i = 0; i < items; i++)
    o = bulk(wire, o, (i < keys.length ? keys[i] : args[i - keys.length]) as string, lengths[i] as number);
  const command = new WireCommand(wire.subarray(0, o));
  batchWrites(redis);
  loadAhead(redis, name);
  redis.sendCommand(command);
  try {
    return await command.promise;
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
    return runScript(redis, name, keys, args);
  }
}
