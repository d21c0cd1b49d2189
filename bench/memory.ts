/**
 * Memory (RSS) of the bot idle and at the peak of 500 players pressing a button at once
 * (signed Slack requests over HTTP against the fake Slack, answers stored in a real Redis),
 * for the compiled app as the image runs it (`npm run start:prod`, the Dockerfile's CMD) and
 * with plain node, beside the tsx run
 * (`npm start`) and beside a minimal Bolt app doing the same work per press
 * (bench/bare-bolt.ts, plain node) — all in the same run. Goal: compiled peak ≤ 1.3× bare.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeAction } from '../src/core/actions.js';
import { actionIdsOf, SlackWorld, WORKSPACE } from '../test/ops/slack-world.js';
import { COMPILED, type Launch, PROD_FLAGS } from '../test/support/bot-process.js';
import { ROOT } from '../test/support/run-cli.js';
import { plainNodeEntry } from './support/plain-node.js';
import { player, pressAtOnce } from './support/press-driver.js';
import { memoryOf, resetPeak } from './support/rss.js';
import { fmt, percentile } from './support.js';

const PLAYERS = Number(process.env.PLAYERS ?? 500);
const CHANNEL = 'CBENCH';
/**
 * RSS right after start still holds the garbage of loading the bank and building the search
 * index; V8's memory reducer returns it after about half a minute without work. "Idle" is
 * measured after that, "started" 3 s after ready.
 */
const STARTED_MS = 3000;
const IDLE_MS = Number(process.env.IDLE_SECONDS ?? 45) * 1000;

interface Figures {
  name: string;
  startedMb: number;
  startPeakMb: number;
  idleMb: number;
  peakMb: number;
  ok: number;
  stored: number;
  answered: number;
  ackP50: number;
  ackP99: number;
  allAnsweredMs: number;
}

const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');
const bare: Launch = {
  command: process.execPath,
  args: [plainNodeEntry(join(ROOT, 'bench/bare-bolt.ts'))],
  cwd: ROOT,
};
const tsx: Launch = { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'], cwd: ROOT };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(name: string, launch: Launch, isBot: boolean): Promise<Figures> {
  const users = Array.from({ length: PLAYERS }, (_, i) => player(i));
  const world = await SlackWorld.start({ teams: [{ channelId: CHANNEL }], users });
  try {
    const bot = await world.startBot({}, { launch });
    if (isBot) await bot.waitReady(60_000);
    else await bot.waitFor('bare-bolt ready', () => bot.stdout.includes('ready'), 60_000);
    await sleep(STARTED_MS);
    const started = memoryOf(bot.pid);
    await sleep(IDLE_MS - STARTED_MS);
    const idle = memoryOf(bot.pid).rssMb;

    let actionId = 'bare-answer-1';
    let messageTs = '1700000000.000100';
    let answers = () => world.redis.hlen(`${world.prefix}answers:${actionId}`); // bare-bolt's key
    if (isBot) {
      await world.runDaily(CHANNEL);
      const question = await world.fake.waitFor(
        () => world.fake.state.messages.find((m) => m.channel === CHANNEL && actionIdsOf(m).length > 0),
        30_000,
        'the daily question',
      );
      actionId = actionIdsOf(question)[0] ?? '';
      messageTs = question.ts;
      const { roundId } = decodeAction(actionId) as { roundId: string };
      answers = async () => (await world.answered(roundId)).length;
    }

    resetPeak(bot.pid);
    const pressedAt = performance.now();
    const burst = await pressAtOnce(
      {
        eventsUrl: bot.url('/slack/events'),
        signingSecret: world.env().SLACK_SIGNING_SECRET ?? '',
        channelId: CHANNEL,
        workspaceId: WORKSPACE,
        messageTs,
        actionId,
        responseUrl: (i) => world.fake.responseUrl(`press-${i}`),
      },
      PLAYERS,
    );
    const pressed = (key: string) => key.startsWith('press-');
    await world.fake.waitFor(
      () => world.fake.responses.filter((r) => pressed(r.key)).length >= PLAYERS,
      60_000,
      'every answer',
    );
    const allAnsweredMs = performance.now() - pressedAt;
    const peak = memoryOf(bot.pid).peakMb;
    const figures: Figures = {
      name,
      startedMb: started.rssMb,
      startPeakMb: started.peakMb,
      idleMb: idle,
      peakMb: peak,
      ok: burst.statuses.filter((s) => s === 200).length,
      stored: await answers(),
      answered: new Set(world.fake.responses.filter((r) => pressed(r.key)).map((r) => r.key)).size,
      ackP50: percentile(burst.ackMs, 50),
      ackP99: percentile(burst.ackMs, 99),
      allAnsweredMs,
    };
    bot.signal('SIGTERM');
    await bot.exited;
    return figures;
  } finally {
    await world.stop();
  }
}

/** The node flags the image runs the bot with (its CMD, `npm run start:prod`). */
const SHIPPED = PROD_FLAGS.join(' ');
const withFlag = (launch: Launch): Launch => ({ ...launch, args: [...PROD_FLAGS, ...launch.args] });
const plainNode: Launch = { ...COMPILED, args: COMPILED.args.filter((a) => !PROD_FLAGS.includes(a)) };
const rows: Figures[] = [];
rows.push(await measure('bare Bolt (node)', bare, false));
rows.push(await measure(`bare Bolt (node ${SHIPPED})`, withFlag(bare), false));
rows.push(await measure(`k8s-quiz as shipped (node ${SHIPPED})`, COMPILED, true));
rows.push(await measure('k8s-quiz compiled, plain node', plainNode, true));
rows.push(await measure('k8s-quiz tsx (npm start)', tsx, true));

const base = rows[0] as Figures;
console.log(`memory — ${PLAYERS} players press at once (Slack HTTP, signed, fake Slack, local redis-server)`);
console.log(
  `RSS in MB: started = 3 s after ready, start peak = the most until then, idle = ${IDLE_MS / 1000} s after ready, peak = the most during the burst`,
);
const cells = (r: Figures) => [
  r.name.padEnd(40),
  fmt(r.startedMb, 1).padStart(7),
  fmt(r.startPeakMb, 1).padStart(10),
  fmt(r.idleMb, 1).padStart(5),
  fmt(r.peakMb, 1).padStart(5),
  `${fmt(r.peakMb / base.peakMb)}×`.padStart(9),
  String(r.ok).padStart(4),
  String(r.stored).padStart(6),
  String(r.answered).padStart(8),
  `${fmt(r.ackP50, 0)}/${fmt(r.ackP99, 0)}`.padStart(14),
  fmt(r.allAnsweredMs, 0).padStart(15),
];
console.log(
  'app                                      | started | start peak | idle  | peak  | peak/bare | 200s | stored | answered | ack p50/p99 ms | all answered ms',
);
for (const r of rows) console.log(cells(r).join(' | '));
const goal = (app: Figures, baseline: Figures) => {
  const ratio = Math.max(app.peakMb, app.startPeakMb) / baseline.peakMb;
  return `${fmt(ratio)}× (${ratio <= 1.3 ? 'met' : 'NOT met'})`;
};
console.log(
  `goal: the app's peak (start or burst, whichever is higher) ≤ 1.3× bare's peak — as shipped vs bare: ${goal(rows[2] as Figures, base)}; both ${SHIPPED}: ${goal(rows[2] as Figures, rows[1] as Figures)}; both plain node: ${goal(rows[3] as Figures, base)}`,
);
