import { Agent } from 'node:http';
import type { APIMessage } from 'discord.js';
import { decodeAction } from '../src/core/actions.js';
import { buttonsOf } from '../test/fakes/discord/fake-state.js';
import { buttonPress, type FakePlayer } from '../test/fakes/discord/payloads.js';
import type { PostOutcome } from '../test/fakes/discord/signed-interaction.js';
import { monotonicUs } from './support/cpu-profile.js';
import { CHANNEL, DiscordBenchWorld, GUILD } from './support/discord-world.js';
import { PRESS_BENCH, type PressApp, pressApps, printGoals, printProfiles } from './support/press-apps.js';
import { type PressPlan, pressPlan } from './support/press-driver.js';
import { cpuMsOf, memoryOf, resetPeak } from './support/rss.js';
import { fmt, median, percentile } from './support.js';

const { players: PLAYERS, inFlight: IN_FLIGHT, runs: RUNS, profile: PROFILE } = PRESS_BENCH;
const plan = pressPlan(PLAYERS);

type App = PressApp;

interface Run {
  ackP50: number;
  ackP99: number;
  peakMb: number;
  cpuMsPerPress: number;
  allAnsweredMs: number;
  ok: number;
  stored: number;
  answered: number;
  deferred: number;
  refused: number;
  fromUs: number;
  toUs: number;
}

const apps: App[] = pressApps('bench/bare-discord.ts', 'bare handler');

const playerOf = (i: number): FakePlayer => ({
  id: String(800_000_000_000_000_000n + BigInt(i)),
  name: `player${i}`,
  locale: 'en-US',
});

/**
 * Sends the plan's presses, `inFlight` at a time over kept-alive connections opened beforehand.
 * Every press is built and signed before the burst, and the fake takes the answers after it:
 * the harness shares this machine's two cores with the app, so its own work stays out of the
 * timed window (the same for every app).
 */
async function pressPool(world: DiscordBenchWorld, message: APIMessage, customId: string, p: PressPlan) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  // The connections are opened first (a signed PING each), as Discord's edge holds them: a busy
  // server accepts new ones only between requests, which would be a tail of the harness.
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, () =>
      world.fake.deliver({ body: { type: 1, id: '1', application_id: world.fake.applicationId } }, agent),
    ),
  );
  const presses = p.players.map((player) => {
    const payload = buttonPress(world.fake.place(GUILD, CHANNEL), playerOf(player), message, customId);
    world.fake.state.interactions.set(payload.id, { payload, dispatchedAt: Date.now() });
    const post = { body: payload };
    return { id: payload.id, post, signed: world.fake.sign(post) };
  });
  const outcomes: PostOutcome[] = [];
  const queue = presses.entries(); // shared by the lanes: each takes the next press
  const lane = async () => {
    for (const [n, press] of queue) outcomes[n] = await world.fake.sendSigned(press.signed, agent);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  agent.destroy();
  const deliveries = presses.map((press, n) => world.fake.settle(press.post, outcomes[n] as PostOutcome));
  return {
    ids: presses.map((press) => press.id),
    statuses: deliveries.map((d) => d.status),
    ackMs: deliveries.map((d) => d.ms).sort((a, b) => a - b),
  };
}

async function pressRun(app: App, profileDir?: string): Promise<Run> {
  const world = await DiscordBenchWorld.start();
  const launch = profileDir
    ? { ...app.launch, args: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, ...app.launch.args] }
    : app.launch;
  try {
    const bot = await world.startBot({ launch }, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' });
    if (app.isBot) await bot.waitReady(60_000);
    else await bot.waitFor('bare-discord ready', () => bot.stdout.includes('ready'), 60_000);

    let message = world.fake.state.createMessage(CHANNEL, { content: 'q' }, 'channel') as APIMessage;
    let customId = 'k8sq:a:bare-1:0';
    let stored = () => world.redis.hlen(`${world.prefix}answers:bare-1`); // bare-discord's key
    if (app.isBot) {
      await world.runDaily();
      message = await world.fake.waitFor(
        'the daily question',
        () => world.fake.channelMessages(CHANNEL).find((m) => buttonsOf(m).length > 0),
        30_000,
      );
      customId = buttonsOf(message)[0]?.custom_id ?? '';
      const { roundId } = decodeAction(customId) as { roundId: string };
      stored = () => world.redis.hlen(world.keys.answers(roundId));
    }
    // Let the start-up work (the daily post, V8's clean-up) settle before the burst.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    resetPeak(bot.pid);
    const cpuBefore = cpuMsOf(bot.pid);
    const fromUs = monotonicUs();
    const pressedAt = performance.now();
    const burst = await pressPool(world, message, customId, plan);
    const answeredOf = () =>
      burst.ids.filter((id) => world.fake.responsesTo(id).some((m) => m.content || m.embeds.length > 0));
    await world.fake.waitFor('every answer', () => answeredOf().length >= plan.players.length, 60_000);
    const allAnsweredMs = performance.now() - pressedAt;
    const toUs = monotonicUs();
    const records = burst.ids.map((id) => world.fake.state.interactions.get(id));
    const run: Run = {
      ackP50: percentile(burst.ackMs, 50),
      ackP99: percentile(burst.ackMs, 99),
      peakMb: memoryOf(bot.pid).peakMb,
      cpuMsPerPress: (cpuMsOf(bot.pid) - cpuBefore) / plan.players.length,
      allAnsweredMs,
      ok: burst.statuses.filter((s) => s === 200).length,
      stored: await stored(),
      answered: answeredOf().length,
      deferred: records.filter((r) => r?.callbackType === 5).length,
      refused: world.fake.deliveries.filter((d) => d.refused).length,
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

const _bot = apps[2] as App;
if (RUNS > 0) printFigures();

function printFigures() {
  console.log(
    `discord press (HTTP interactions) — ${PLAYERS} players, ${plan.players.length} signed presses (${plan.repeats} repeats, ${fmt((100 * plan.repeats) / plan.players.length, 0)} %), ${IN_FLIGHT} in flight; fake Discord, local redis-server; ${RUNS} runs, median (range)`,
  );
  console.log(
    'app                                            | ack p50 ms      | ack p99 ms      | peak RSS MB     | CPU ms/press    | all answered ms   | 200s | stored | answered | deferred | refused',
  );
  for (const app of apps) {
    const cell = (f: (r: Run) => number, width: number, digits = 0) =>
      `${fmt(median(pick(app, f)), digits)} (${range(pick(app, f), digits)})`.padEnd(width);
    const last = (runs.get(app) ?? []).at(-1) as Run;
    console.log(
      [
        app.name.padEnd(46),
        cell((r) => r.ackP50, 15, 1),
        cell((r) => r.ackP99, 15, 1),
        cell((r) => r.peakMb, 15),
        cell((r) => r.cpuMsPerPress, 15, 2),
        cell((r) => r.allAnsweredMs, 17),
        String(last.ok).padStart(4),
        String(last.stored).padStart(6),
        String(last.answered).padStart(8),
        String(last.deferred).padStart(8),
        String(last.refused).padStart(7),
      ].join(' | '),
    );
  }
  printGoals(apps, runs);
}

if (PROFILE) await printProfiles(apps, pressRun);
