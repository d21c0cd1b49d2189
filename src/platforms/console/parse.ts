import type { NothingDone, TeamJobKind } from '../../jobs/team-jobs.js';

/** One line typed (or piped) into the playground. */
export type ConsoleInput =
  | { kind: 'command'; text: string }
  | { kind: 'as'; name: string }
  | { kind: 'press'; key: string }
  | { kind: 'form'; text: string }
  | { kind: 'run'; job: TeamJobKind }
  | { kind: 'wait'; text: string }
  | { kind: 'reset' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  | { kind: 'unknown'; line: string };

/** `:run …` arguments and the job each runs. */
const JOBS: Record<string, TeamJobKind> = {
  daily: 'daily',
  close: 'close',
  weekly: 'weekly',
  'weekly now': 'weekly-so-far',
};

export function parseConsoleLine(raw: string): ConsoleInput {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return { kind: 'empty' };
  const [head = '', ...rest] = line.split(/\s+/);
  const arg = rest.join(' ');
  if (head === '/k8s-quiz') return { kind: 'command', text: arg };
  if (head === ':as' && arg) return { kind: 'as', name: arg };
  if (head === ':press' && arg) return { kind: 'press', key: arg };
  if (head === ':form') return { kind: 'form', text: arg };
  const job = JOBS[arg.toLowerCase()];
  if (head === ':run' && job) return { kind: 'run', job };
  if (head === ':wait') return { kind: 'wait', text: arg };
  if (head === ':reset' && !arg) return { kind: 'reset' };
  if (head === ':quit' || head === ':q') return { kind: 'quit' };
  return { kind: 'unknown', line };
}

/** What the playground says when a job run by hand changed nothing. */
export function nothingDoneText(why: NothingDone): string {
  switch (why.reason) {
    case 'no-open-question':
      return 'nothing to close: no open question';
    case 'paused':
      return 'nothing posted: the channel is paused (`/k8s-quiz resume` as the admin turns it back on)';
    case 'daily-already-posted':
      return why.revealed
        ? "nothing posted: today's daily question was already posted and revealed; the next comes tomorrow (`:reset` starts over)"
        : "nothing posted: today's daily question is already out (`:run close` reveals it; `:reset` starts over)";
    case 'weekly-already-posted':
      return `nothing posted: the announcement for ${why.week} was already posted (\`:run weekly now\` shows this week so far)`;
  }
}

export const CONSOLE_HELP = [
  'Type a command as the current player, or:',
  '  /k8s-quiz help | start [count] [category] [seconds] | stop | daily | leaderboard [week|all|teams] | stats [player|team] | ask <words> | review [remind on|off]',
  '  :as NAME                 become another player (the first player is the admin)',
  '  :press X                 press button X (letter or 1-based number) on the latest message with buttons you can see',
  '  :form VALUES             fill in the latest form you opened (e.g. a report: `:form outdated the doc changed`)',
  "  :run daily|close|weekly  run that job for this channel now (weekly: last week's announcement)",
  "  :run weekly now          this week's standings so far",
  '  :wait 1d|12h             move the playground clock ahead (review items come due, a new day starts)',
  '  :reset                   forget everything (scores, questions, jobs) and start over',
  '  :quit',
].join('\n');
