import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** The atomic operations, one Lua file each under store/lua/. */
const SCRIPTS = {
  createRound: { file: 'create-round.lua', keys: 2 },
  recordAnswer: { file: 'record-answer.lua', keys: 5 },
  closeRound: { file: 'close-round.lua', keys: 12 },
  chooseFocus: { file: 'choose-focus.lua', keys: 1 },
  markFocusDay: { file: 'mark-focus-day.lua', keys: 1 },
  recordReport: { file: 'record-report.lua', keys: 2 },
  beginStep: { file: 'begin-step.lua', keys: 2 },
  advanceStep: { file: 'advance-step.lua', keys: 2 },
  renewLease: { file: 'renew-lease.lua', keys: 1 },
  releaseLease: { file: 'release-lease.lua', keys: 1 },
} as const;

export type ScriptName = keyof typeof SCRIPTS;
type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

/** Registers the scripts on a client (ioredis sends EVALSHA, falling back to EVAL once). */
export function defineScripts(redis: Redis): void {
  for (const [name, { file, keys }] of Object.entries(SCRIPTS)) {
    if (name in redis) continue;
    const lua = readFileSync(new URL(`./lua/${file}`, import.meta.url), 'utf8');
    redis.defineCommand(name, { numberOfKeys: keys, lua });
  }
}

export function runScript(
  redis: Redis,
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  if (keys.length !== SCRIPTS[name].keys) throw new Error(`${name} takes ${SCRIPTS[name].keys} keys`);
  const call = (redis as unknown as Record<ScriptName, ScriptCall>)[name];
  return call.call(redis, ...keys, ...args);
}
