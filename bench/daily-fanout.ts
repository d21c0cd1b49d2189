/**
 * Fan-out: 10,000 teams' daily posts through BullMQ to a no-op platform, beside BullMQ's
 * own throughput for the same number of empty jobs, with the same worker settings: ROUNDS
 * (default 3) rounds of both, interleaved, each daily round a day later than the one before
 * (a fresh post per team); the ratio is of the medians.
 * PROFILE=1 profiles the daily drain (V8's sampler, in this process) and prints its top frames;
 * PROFILE_KEEP=1 also leaves the .cpuprofile (Chrome DevTools opens it). STATS=1 prints each
 * drain's redis-server commands (calls and µs per job, from INFO commandstats).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { loadAppConfig } from '../src/config/load-config.js';
import { loadBank } from '../src/content/load-bank.js';
import { QuizEngine } from '../src/core/engine.js';
import type { Team } from '../src/core/model.js';
import { systemClock } from '../src/core/ports.js';
import { BullJobPlanner } from '../src/jobs/planner.js';
import { createQuizWorker } from '../src/jobs/worker.js';
import { createRedisStore } from '../src/store/redis-store.js';
import { type CpuProfile, topFrames } from './support/cpu-profile.js';
import { benchRedis, fmt, median } from './support.js';

const TEAMS = 10_000;
const CONCURRENCY = 100;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const STATS = process.env.STATS === '1';
const DAY_MS = 86_400_000;
const server = await benchRedis();
const connection = new Redis(server.url, { maxRetriesPerRequest: null });
const storeClient = new Redis(server.url, { maxRetriesPerRequest: null });
const silent = { info() {}, warn() {}, error() {} };

/** CPU seconds the redis-server has used so far (user + sys). */
async function redisCpu(): Promise<number> {
  const info = await storeClient.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

interface Drained {
  ms: number;
  /** CPU ms per job: this process, and the redis-server. */
  nodeCpuMs: number;
  redisCpuMs: number;
  /** STATS=1: redis-server's per-command calls and µs during the drain. */
  commands?: string;
}

/** Adds `count` jobs in bulk and waits until the worker has completed them all. */
async function drain(
  worker: Worker,
  queue: Queue,
  name: string,
  data: (i: number) => object,
): Promise<Drained> {
  let done = 0;
  const finished = new Promise<void>((resolve) => {
    // Only this drain's jobs: a daily post also queues its close time's job on the same worker.
    worker.on('completed', (job) => {
      if (job.name === name && ++done === TEAMS) resolve();
    });
  });
  if (STATS) await storeClient.config('RESETSTAT');
  const cpu0 = process.cpuUsage();
  const redis0 = await redisCpu();
  const started = performance.now();
  for (let i = 0; i < TEAMS; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, TEAMS - i) }, (_, k) => ({ name, data: data(i + k) })),
    );
  }
  await finished;
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const redisMs = ((await redisCpu()) - redis0) * 1000;
  const commands = STATS ? await storeClient.info('commandstats') : undefined;
  return {
    ms,
    nodeCpuMs: (cpu.user + cpu.system) / 1000 / TEAMS,
    redisCpuMs: redisMs / TEAMS,
    ...(commands ? { commands } : {}),
  };
}

// Baseline: BullMQ alone, empty jobs, no-op processor (a fresh queue each round).
async function drainEmpty(round: number): Promise<Drained> {
  const name = `bench-empty-${round}`;
  const emptyQueue = new Queue(name, { connection, prefix: 'bench' });
  const emptyWorker = new Worker(name, async () => undefined, {
    connection,
    prefix: 'bench',
    concurrency: CONCURRENCY,
  });
  const drained = await drain(emptyWorker, emptyQueue, 'empty', () => ({}));
  await emptyWorker.close();
  await emptyQueue.close();
  return drained;
}

// The real thing: the daily job per team → engine → store (Lua) → a platform that does nothing.
const config = await loadAppConfig();
const bank = await loadBank('content');
if (!bank.ok) throw new Error('bank invalid');
let posted = 0;
const outbox = {
  post: async () => ({ ref: `m${++posted}`, found: false }),
  update: async () => undefined,
};
const store = createRedisStore(storeClient, 'bench:');
const queue = new Queue('k8s-quiz', { connection, prefix: 'bench:bull' });
const engine = new QuizEngine({
  bank: bank.value,
  store,
  planner: new BullJobPlanner(queue, systemClock),
  outbox,
  clock: systemClock,
  config,
  logger: silent,
});
const teams: Team[] = Array.from({ length: TEAMS }, (_, i) => ({
  id: `slack:W${i % 50}:C${i}`,
  address: { platform: 'slack', workspaceId: `W${i % 50}`, channelId: `C${i}` },
  settings: config.team,
}));
await Promise.all(teams.map((t) => store.teams.save(t)));
const profiler = process.env.PROFILE === '1' ? new Session() : undefined;
let profile: CpuProfile | undefined;

/** One round of daily posts, all due at `at`; PROFILE=1 profiles the last round. */
async function drainDaily(at: number, profiled: boolean): Promise<Drained> {
  const worker = createQuizWorker(engine, connection, silent, {
    prefix: 'bench:bull',
    concurrency: CONCURRENCY,
  });
  if (profiled && profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const drained = await drain(worker, queue, 'daily', (i) => ({ teamId: teams[i]?.id, at }));
  if (profiled && profiler) profile = (await profiler.post('Profiler.stop')).profile as CpuProfile;
  await worker.close();
  return drained;
}

const empties: Drained[] = [];
const dailies: Drained[] = [];
const start = Date.now();
for (let r = 0; r < ROUNDS; r++) {
  empties.push(await drainEmpty(r));
  dailies.push(await drainDaily(start + r * DAY_MS, r === ROUNDS - 1));
}

/** The drain's commands by calls, with redis-server's µs per job. */
function commandTable(label: string, d: Drained): string {
  const rows = [...(d.commands ?? '').matchAll(/cmdstat_(\S+):calls=(\d+),usec=(\d+)/g)]
    .map(([, name, calls, usec]) => ({ name, calls: Number(calls), usec: Number(usec) }))
    .sort((a, b) => b.usec - a.usec);
  const lines = rows.map(
    (r) =>
      `    ${r.name?.padEnd(16)} ${fmt(r.calls / TEAMS, 2).padStart(6)} calls/job ${fmt(r.usec / TEAMS, 1).padStart(6)} µs/job`,
  );
  return [`  ${label} commands:`, ...lines].join('\n');
}

const rate = (ms: number) => TEAMS / (ms / 1000);
console.log(
  `daily fan-out — ${TEAMS} teams, worker concurrency ${CONCURRENCY}, local redis-server; ${ROUNDS} rounds, interleaved`,
);
const cpu = (d: Drained) => `CPU per job: node ${fmt(d.nodeCpuMs, 3)} ms, redis ${fmt(d.redisCpuMs, 3)} ms`;
for (let r = 0; r < ROUNDS; r++) {
  const [e, d] = [empties[r] as Drained, dailies[r] as Drained];
  console.log(`round ${r + 1}`);
  console.log(`  empty BullMQ jobs : ${fmt(e.ms / 1000)} s wall, ${fmt(rate(e.ms), 0)} jobs/s; ${cpu(e)}`);
  console.log(`  daily posts       : ${fmt(d.ms / 1000)} s wall, ${fmt(rate(d.ms), 0)} jobs/s; ${cpu(d)}`);
  console.log(`  ratio             : ${fmt(rate(d.ms) / rate(e.ms))}×`);
  if (STATS)
    for (const [label, x] of [
      ['empty', e],
      ['daily', d],
    ] as const)
      console.log(commandTable(label, x));
}
const emptyRate = median(empties.map((d) => rate(d.ms)));
const dailyRate = median(dailies.map((d) => rate(d.ms)));
console.log(
  `median: empty ${fmt(emptyRate, 0)} jobs/s, daily ${fmt(dailyRate, 0)} jobs/s (${posted} posted) — ratio daily/empty ${fmt(dailyRate / emptyRate)}× throughput (goal ≥ 0.5×: ${dailyRate / emptyRate >= 0.5 ? 'met' : 'NOT met'})`,
);
if (profile) {
  const { frames, busyMs } = topFrames(profile, 0, Number.POSITIVE_INFINITY, 20);
  console.log(`\nCPU profile of the daily drain: ${fmt(busyMs, 0)} ms busy (self time, share of busy)`);
  for (const f of frames)
    console.log(`  ${fmt(f.ms, 1).padStart(7)} ms ${fmt(100 * f.share, 1).padStart(5)} %  ${f.name}`);
  if (process.env.PROFILE_KEEP === '1') {
    const file = join(mkdtempSync(join(tmpdir(), 'k8sq-prof-')), 'daily.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`  kept: ${file}`);
  }
}
if (posted !== TEAMS * ROUNDS) throw new Error(`expected ${TEAMS * ROUNDS} posts, got ${posted}`);

await queue.close();
connection.disconnect();
storeClient.disconnect();
await server.stop();
