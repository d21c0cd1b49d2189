/**
 * Answer path: recording an answer (one Lua script call, shared by the answers of the same
 * event-loop turn) against a local Redis, side by side with plain PING round trips from the same
 * client, at 1, 50 and 500 in flight. Each row also says where the time goes: this process's CPU
 * per op, redis-server's own time per op (INFO commandstats, read over a second connection) and
 * the young-generation collections during the op's slices.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createRedisStore } from '../src/store/redis-store.js';
import { benchRedis, fmt, measure, percentile } from './support.js';

const TOTAL = 40_000;
const server = await benchRedis();
const redis = new Redis(server.url, { maxRetriesPerRequest: null });
const admin = new Redis(server.url);
const store = createRedisStore(redis, 'bench:');
const now = Date.now();

// Count what the client sends while answers run: each command is one request/response round trip.
let sent = 0;
let counting = false;
const sendCommand = redis.sendCommand.bind(redis);
redis.sendCommand = (...args: Parameters<typeof sendCommand>) => {
  if (counting) sent++;
  return sendCommand(...args);
};

console.log(`answer path — ${TOTAL} answers per level, local redis-server ${server.url}`);
/** redis-server's µs in `command` since the last CONFIG RESETSTAT, per op of `ops`. */
const serverUs = async (command: string, ops: number) => {
  const stats = await admin.info('commandstats');
  return Number(new RegExp(`cmdstat_${command}:.*usec=(\\d+)`).exec(stats)?.[1] ?? Number.NaN) / ops;
};
/** One op's figures, summed over its slices. */
interface Tally {
  latencies: number[];
  wallMs: number;
  cpuUs: number;
  /** When its slices ran (performance.now() ms): the young-generation collections are counted within. */
  spans: [number, number][];
}
// Young-generation collections (scavenges) stop every op in flight: they are the tail's usual cause.
const scavenges: { at: number; ms: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)
      scavenges.push({ at: e.startTime, ms: e.duration });
});
gcObserver.observe({ entryTypes: ['gc'] });
/** The scavenges within a tally's slices: how many, and their summed pause (ms). */
const scavengesIn = (t: Tally) => {
  const within = scavenges.filter((g) => t.spans.some(([from, to]) => g.at >= from && g.at <= to));
  return { count: within.length, ms: within.reduce((sum, g) => sum + g.ms, 0) };
};
const newTally = (): Tally => ({ latencies: [], wallMs: 0, cpuUs: 0, spans: [] });
/** Runs a slice of `count` ops and adds its latencies, wall time and this process's CPU to `tally`. */
const slice = async (
  tally: Tally,
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
) => {
  const cpu = process.cpuUsage();
  const from = performance.now();
  const result = await measure(count, concurrency, op);
  const { user, system } = process.cpuUsage(cpu);
  tally.spans.push([from, performance.now()]);
  tally.latencies.push(...result.latencies);
  tally.wallMs += result.wallMs;
  tally.cpuUs += user + system;
};
// The machine is shared: answers and PINGs alternate in slices (A B B A …) so a burst of
// someone else's load falls on both alike instead of on whichever ran second.
const SLICES = 8;

console.log(
  'in flight | op     | ops/s     | p50 ms | p99 ms | round trips/op | node CPU µs/op | redis-server µs/op | scavenges (ms)',
);
for (const concurrency of [1, 50, 500]) {
  const roundId = `day-bench-${concurrency}`;
  await store.rounds.create({
    id: roundId,
    teamId: 'bench:team',
    kind: 'daily',
    quizId: 'q',
    optionCount: 4,
    answer: 1,
    category: 'basics',
    openedAt: now,
    closesAt: now + 3600_000,
    localDate: '2026-11-26',
    week: '2026-W48',
  });
  const answer = (i: number) =>
    store.rounds.recordAnswer('bench:team', roundId, { id: `p${i}`, name: `player ${i}` }, i % 4, now + 1);
  // Warm up (script cache, JIT) with the same load, then measure.
  await measure(TOTAL / 4, concurrency, (i) => answer(TOTAL + i));
  await measure(TOTAL / 4, concurrency, () => redis.ping());
  await admin.config('RESETSTAT');
  const answers = newTally();
  const pings = newTally();
  const perSlice = TOTAL / SLICES;
  sent = 0;
  for (let k = 0; k < SLICES; k++) {
    const runAnswers = async () => {
      counting = true;
      await slice(answers, perSlice, concurrency, (i) => answer(k * perSlice + i));
      counting = false;
    };
    const runPings = () => slice(pings, perSlice, concurrency, () => redis.ping());
    if (k % 4 === 0 || k % 4 === 3) await runAnswers().then(runPings);
    else await runPings().then(runAnswers);
  }
  const perOp = sent / TOTAL;
  const [answerUs, pingUs] = [await serverUs('evalsha', TOTAL), await serverUs('ping', TOTAL)];
  for (const t of [answers, pings]) t.latencies.sort((a, b) => a - b);
  const rate = (r: { wallMs: number }) => TOTAL / (r.wallMs / 1000);
  // The observer reports after the fact: let it catch up before counting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const row = (name: string, r: Tally, cmds: string, serverUsPerOp: number) => {
    const gc = scavengesIn(r);
    console.log(
      `${String(concurrency).padStart(9)} | ${name.padEnd(6)} | ${fmt(rate(r), 0).padStart(9)} | ${fmt(percentile(r.latencies, 50)).padStart(6)} | ${fmt(percentile(r.latencies, 99)).padStart(6)} | ${cmds.padStart(14)} | ${fmt(r.cpuUs / TOTAL, 1).padStart(14)} | ${fmt(serverUsPerOp).padStart(18)} | ${gc.count} (${fmt(gc.ms, 1)})`,
    );
  };
  row('answer', answers, fmt(perOp), answerUs);
  row('PING', pings, '1.00', pingUs);
  console.log(
    `${' '.repeat(9)} | ratio answer/PING: throughput ${fmt(rate(answers) / rate(pings))}×, p99 ${fmt(percentile(answers.latencies, 99) / percentile(pings.latencies, 99))}×`,
  );
}
gcObserver.disconnect();
redis.disconnect();
admin.disconnect();
await server.stop();
