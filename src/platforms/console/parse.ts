import type { TeamJobKind } from '../../jobs/team-jobs.js';

/** One line typed (or piped) into the playground. */
export type ConsoleInput =
  | { kind: 'command'; text: string }
  | { kind: 'as'; name: string }
  | { kind: 'press'; key: string }
  | { kind: 'run'; job: TeamJobKind }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'unknown'; line: string };

const JOBS = ['daily', 'close', 'weekly'] as const;

export function parseConsoleLine(raw: string): ConsoleInput {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return { kind: 'empty' };
  const [head = '', ...rest] = line.split(/\s+/);
  const arg = rest.join(' ');
  if (head === '/k8s-quiz') return { kind: 'command', text: arg };
  if (head === ':as' && arg) return { kind: 'as', name: arg };
  if (head === ':press' && arg) return { kind: 'press', key: arg };
  if (head === ':run' && (JOBS as readonly string[]).includes(arg))
    return { kind: 'run', job: arg as TeamJobKind };
  if (head === ':quit' || head === ':q') return { kind: 'quit' };
  return { kind: 'unknown', line };
}

export const CONSOLE_HELP = [
  'Type a command as the current player, or:',
  '  /k8s-quiz help | start [count] [category] [seconds] | stop | daily | leaderboard [week|all|teams] | stats [player]',
  '  :as NAME                 become another player (the first player is the admin)',
  '  :press X                 press button X (letter or 1-based number) on the latest message with buttons',
  '  :run daily|close|weekly  run that job for this channel now',
  '  :quit',
].join('\n');
