import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** The atomic operations, one Lua file each under store/lua/. */
export const SCRIPTS = {
  createRound: { file: 'create-round.lua', keys: 2 },
  /** The round's key, then the previous question's answers for a live round (see the script). */
  recordAnswers: { file: 'record-answers.lua', keys: 0 },
  closeRound: { file: 'close-round.lua', keys: 13 },
  chooseFocus: { file: 'choose-focus.lua', keys: 1 },
  markFocusDay: { file: 'mark-focus-day.lua', keys: 1 },
  recordReport: { file: 'record-report.lua', keys: 2 },
  readBoard: { file: 'read-board.lua', keys: 2 },
  readTeamsBoard: { file: 'read-teams-board.lua', keys: 3 },
  syncTeamWeek: { file: 'sync-team-week.lua', keys: 2 },
  replaceCard: { file: 'replace-card.lua', keys: 1 },
  beginStep: { file: 'begin-step.lua', keys: 2 },
  readDaily: { file: 'read-daily.lua', keys: 9 },
  beginDaily: { file: 'begin-daily.lua', keys: 6 },
  finishDaily: { file: 'finish-daily.lua', keys: 7 },
  advanceStep: { file: 'advance-step.lua', keys: 2 },
  patchLive: { file: 'patch-live.lua', keys: 1 },
  renewLease: { file: 'renew-lease.lua', keys: 1 },
  releaseLease: { file: 'release-lease.lua', keys: 1 },
  /** Takes as many keys as rates: see pacer.ts. */
  pace: { file: 'pace.lua', keys: 0 },
} as const;

export type ScriptName = keyof typeof SCRIPTS;
type ScriptCall = (...keysThenArgs: (string | number)[]) => Promise<unknown>;

const sources = new Map<ScriptName, string>();

/** A script's Lua source, read once per process (ioredis's definitions and script-wire.ts share it). */
export function scriptSource(name: ScriptName): string {
  let lua = sources.get(name);
  if (lua === undefined) {
    lua = readFileSync(new URL(`./lua/${SCRIPTS[name].file}`, import.meta.url), 'utf8');
    sources.set(name, lua);
  }
  return lua;
}

/** Registers the scripts on a client (ioredis sends EVALSHA, falling back to EVAL once). */
export function defineScripts(redis: Redis): void {
  for (const [name, { keys }] of Object.entries(SCRIPTS)) {
    if (name in redis) continue;
    const lua = scriptSource(name as ScriptName);
    // keys 0: the caller passes the number of keys first (a script over any number of keys).
    redis.defineCommand(name, keys === 0 ? { lua } : { numberOfKeys: keys, lua });
  }
}

export function runScript(
  redis: Redis,
  name: ScriptName,
  keys: string[],
  args: (string | number)[],
): Promise<unknown> {
  const count = SCRIPTS[name].keys;
  if (count > 0 && keys.length !== count) throw new Error(`${name} takes ${count} keys`);
  const call = (redis as unknown as Record<ScriptName, ScriptCall>)[name];
  return count > 0 ? call.call(redis, ...keys, ...args) : call.call(redis, keys.length, ...keys, ...args);
}
