/**
 * Answer path: recording an answer (one Lua script, one round trip) against a local Redis,
 * side by side with plain PING round trips from the same client, at 1, 50 and 500 in flight.
 * Each row also says where the time goes: this process's CPU per op, and redis-server's own
 * time per call (INFO commandstats, read over a second connection).
 */
import { Redis } from 'ioredis';
import { createRedisStore } from '../src/store/redis-store.js';
import { benchRedis, fmt, measure, percentile } from './support.js';

const TOTAL = 40_000;
const server = await benchRedis();
const redis = new Redis(server.url, { maxRetriesPerRequest: null });
const admin = new Redis(server.url);
const store = createRedisStore(redis, 'bench:');
const now = Date.now();

// Count what the client sends: each command is one request/response round trip.
let sent = 0;
const sendCommand = redis.sendCommand.bind(redis);
redis.sendCommand = (...args: Parameters<typeof sendCommand>) => {
  sent++;
  return sendCommand(...args);
};

console.log(`answer path — ${TOTAL} answers per level, local redis-server ${server.url}`);
/** redis-server's µs per call of `command` since the last CONFIG RESETSTAT. */
const serverUs = async (command: string) => {
  const stats = await admin.info('commandstats');
  return Number(new RegExp(`cmdstat_${command}:.*usec_per_call=([\\d.]+)`).exec(stats)?.[1] ?? Number.NaN);
};
/** `measure`, with this process's CPU time per op and redis-server's time per call of `command`. */
const measureOp = async (concurrency: number, op: (i: number) => Promise<unknown>, command: string) => {
  await admin.config('RESETSTAT');
  const cpu = process.cpuUsage();
  const result = await measure(TOTAL, concurrency, op);
  const { user, system } = process.cpuUsage(cpu);
  return { ...result, nodeUs: (user + system) / TOTAL, serverUs: await serverUs(command) };
};

console.log(
  'in flight | op     | ops/s     | p50 ms | p99 ms | round trips/op | node CPU µs/op | redis-server µs/call',
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
  sent = 0;
  const answers = await measureOp(concurrency, answer, 'evalsha');
  const perOp = sent / TOTAL;
  const pings = await measureOp(concurrency, () => redis.ping(), 'ping');
  const rate = (r: { wallMs: number }) => TOTAL / (r.wallMs / 1000);
  const row = (name: string, r: typeof answers, cmds: string) =>
    console.log(
      `${String(concurrency).padStart(9)} | ${name.padEnd(6)} | ${fmt(rate(r), 0).padStart(9)} | ${fmt(percentile(r.latencies, 50)).padStart(6)} | ${fmt(percentile(r.latencies, 99)).padStart(6)} | ${cmds.padStart(14)} | ${fmt(r.nodeUs, 1).padStart(14)} | ${fmt(r.serverUs)}`,
    );
  row('answer', answers, fmt(perOp));
  row('PING', pings, '1.00');
  console.log(
    `${' '.repeat(9)} | ratio answer/PING: throughput ${fmt(rate(answers) / rate(pings))}×, p99 ${fmt(percentile(answers.latencies, 99) / percentile(pings.latencies, 99))}×`,
  );
}
redis.disconnect();
admin.disconnect();
await server.stop();
