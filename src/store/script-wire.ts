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

// Each argument used to cost two calls into C++ (Buffer.byteLength, then Buffer#write), about
// 1.5 µs together, and a daily post sends about 70. Keys and ids are ASCII: they are copied a
// character at a time into a scratch buffer, and only text with other characters is encoded by
// Buffer#write. The finished command is then copied out in one piece.

/** Where commands are built; grown (never shrunk) for a command longer than it. */
let scratch = Buffer.allocUnsafe(16 * 1024);

/** The decimal digits of `n` at `o`; the offset after them. */
function digits(wire: Buffer, o: number, n: number): number {
  if (n >= 10) o = digits(wire, o, Math.floor(n / 10));
  wire[o] = 0x30 + (n % 10);
  return o + 1;
}

/** CRLF at `o`; the offset after it. */
function crlf(wire: Buffer, o: number): number {
  wire[o] = 0x0d;
  wire[o + 1] = 0x0a;
  return o + 2;
}

/** `*n` or `$n`, then CRLF, at `o`; the offset after it. */
function header(wire: Buffer, o: number, mark: number, n: number): number {
  wire[o] = mark;
  return crlf(wire, digits(wire, o + 1, n));
}

/** One bulk string at `o` (the buffer has room for it: see `room`); the offset after it. */
function bulk(wire: Buffer, o: number, text: string): number {
  const n = text.length;
  const start = header(wire, o, 0x24, n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return bulkUtf8(wire, o, text);
    wire[start + i] = c;
  }
  return crlf(wire, start + n);
}

/** A bulk string with characters beyond ASCII: its UTF-8 length first, then the text. */
function bulkUtf8(wire: Buffer, o: number, text: string): number {
  o = header(wire, o, 0x24, Buffer.byteLength(text));
  return crlf(wire, o + wire.write(text, o));
}

/** Bytes enough for the command: UTF-8 takes at most 3 bytes per UTF-16 unit. */
function room(keys: string[], args: string[]): number {
  let size = 96; // the array header, EVALSHA, the sha and the key count
  for (const text of keys) size += text.length * 3 + 16; // 16: `$`, the length, two CRLFs
  for (const text of args) size += text.length * 3 + 16;
  return size;
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
  const size = room(keys, args);
  if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  const wire = scratch;
  let o = header(wire, 0, 0x2a, 3 + keys.length + args.length);
  o += wire.write(headOf(name), o);
  o = bulk(wire, o, String(keys.length));
  for (const key of keys) o = bulk(wire, o, key);
  for (const arg of args) o = bulk(wire, o, arg);
  // Copied out: the socket may hold the command until a later turn, and the scratch is reused.
  const command = new WireCommand(Buffer.from(wire.subarray(0, o)));
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
