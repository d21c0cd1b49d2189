import { decodeAction } from '../src/core/actions.js';
import { actionIdsOf, SlackWorld, WORKSPACE } from '../test/ops/slack-world.js';
import { monotonicUs } from './support/cpu-profile.js';
import { PRESS_BENCH, type PressApp, pressApps, printGoals, printProfiles } from './support/press-apps.js';
import { player, pressPlan, pressPool } from './support/press-driver.js';
import { cpuMsOf, memoryOf, resetPeak } from './support/rss.js';
import { fmt, median, percentile } from './support.js';

const { players: PLAYERS, inFlight: IN_FLIGHT, runs: RUNS, profile: PROFILE } = PRESS_BENCH;
const CHANNEL = 'CBENCH';
const plan = pressPlan(PLAYERS);

type App = PressApp;

interface Run {
  ackP50: number;
  ackP99: number;
  peakMb: number;
  /** The app's CPU time (user + system) for the whole burst, per press: steadier than latency on a busy machine. */
  cpuMsPerPress: number;
  allAnsweredMs: number;
  ok: number;
  stored: number;
  answered: number;
  usersInfo: number;
  /** Monotonic µs of the burst, for the profile window. */
  fromUs: number;
  toUs: number;
}

const apps: App[] = pressApps('bench/bare-bolt.ts', 'bare Bolt');

async function pressRun(app: App, profileDir?: string): Promise<Run> {
  const users = Array.from({ length: PLAYERS }, (_, i) => player(i));
  const world = await SlackWorld.start({ teams: [{ channelId: CHANNEL }], users });
  const launch = profileDir
    ? { ...app.launch, args: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...app.launch.args] }
    : app.launch;
  try {
    const bot = await world.startBot({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, { launch });
    if (app.isBot) await bot.waitReady(60_000);
    else await bot.waitFor('bare-bolt ready', () => bot.stdout.includes('ready'), 60_000);

    let actionId = 'bare-answer-1';
    let messageTs = '1700000000.000100';
    let stored = () => world.redis.hlen(`${world.prefix}answers:${actionId}`); // bare-bolt's key
    if (app.isBot) {
      await world.runDaily(CHANNEL);
      const question = await world.fake.waitFor(
        () => world.fake.state.messages.find((m) => m.channel === CHANNEL && actionIdsOf(m).length > 0),
        30_000,
        'the daily question',
      );
      actionId = actionIdsOf(question)[0] ?? '';
      messageTs = question.ts;
      const { roundId } = decodeAction(actionId) as { roundId: string };
      stored = async () => (await world.answered(roundId)).length;
    }
    // Let the start-up work (the daily post, V8's clean-up) settle before the burst.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const usersInfoBefore = world.fake.callsOf('users.info').length;

    resetPeak(bot.pid);
    const cpuBefore = cpuMsOf(bot.pid);
    const fromUs = monotonicUs();
    const pressedAt = performance.now();
    const pressed = (key: string) => key.startsWith('press-');
    const burst = await pressPool(
      {
        eventsUrl: bot.url('/slack/events'),
        signingSecret: world.env().SLACK_SIGNING_SECRET ?? '',
        channelId: CHANNEL,
        workspaceId: WORKSPACE,
        messageTs,
        actionId,
        responseUrl: (n) => world.fake.responseUrl(`press-${n}`),
      },
      plan,
      IN_FLIGHT,
    );
    await world.fake.waitFor(
      () => world.fake.responses.filter((r) => pressed(r.key)).length >= plan.players.length,
      60_000,
      'every answer',
    );
    const allAnsweredMs = performance.now() - pressedAt;
    const toUs = monotonicUs();
    const run: Run = {
      ackP50: percentile(burst.ackMs, 50),
      ackP99: percentile(burst.ackMs, 99),
      peakMb: memoryOf(bot.pid).peakMb,
      cpuMsPerPress: (cpuMsOf(bot.pid) - cpuBefore) / plan.players.length,
      allAnsweredMs,
      ok: burst.statuses.filter((s) => s === 200).length,
      stored: await stored(),
      answered: new Set(world.fake.responses.filter((r) => pressed(r.key)).map((r) => r.key)).size,
      usersInfo: world.fake.callsOf('users.info').length - usersInfoBefore,
      fromUs,
      toUs,
    };
    bot.signal('SIGTERM');
    await bot.exited;
    return run;
  } finally {
    await world.stop();
  }
}

const runs = new Map<App, Run[]>(apps.map((a) => [a, []]));
for (let r = 0; r < RUNS; r++) {
  // Alternate the order, so neither app always runs first on a busy machine.
  for (const app of r % 2 === 0 ? apps : [...apps].reverse()) runs.get(app)?.push(await pressRun(app));
}

const range = (xs: number[], digits = 0) => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;
const pick = (app: App, f: (r: Run) => number) => (runs.get(app) ?? []).map(f);

console.log(
  `slack press — ${PLAYERS} players, ${plan.players.length} signed presses (${plan.repeats} repeats, ${fmt((100 * plan.repeats) / plan.players.length, 0)} %), ${IN_FLIGHT} in flight; fake Slack, local redis-server; ${RUNS} runs, median (range)`,
);
console.log(
  'app                                    | ack p50 ms      | ack p99 ms      | peak RSS MB     | CPU ms/press    | all answered ms   | 200s | stored | answered | users.info',
);
for (const app of apps) {
  const cell = (f: (r: Run) => number, width: number, digits = 0) =>
    `${fmt(median(pick(app, f)), digits)} (${range(pick(app, f), digits)})`.padEnd(width);
  const last = (runs.get(app) ?? []).at(-1) as Run;
  console.log(
    [
      app.name.padEnd(38),
      cell((r) => r.ackP50, 15),
      cell((r) => r.ackP99, 15),
      cell((r) => r.peakMb, 15),
      cell((r) => r.cpuMsPerPress, 15, 2),
      cell((r) => r.allAnsweredMs, 17),
      String(last.ok).padStart(4),
      String(last.stored).padStart(6),
      String(last.answered).padStart(8),
      String(last.usersInfo).padStart(10),
    ].join(' | '),
  );
}
const _bot = apps[2] as App;
printGoals(apps, runs);

if (PROFILE) await printProfiles(apps, pressRun);
