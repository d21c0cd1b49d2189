/**
 * Boards at scale, one call at a time against a local redis-server, beside PING from the
 * same client: the top 10 and the caller's rank on a team board of 100,000 players (all
 * time and this week), and the teams board of a workspace with 10,000 teams as
 * `/k8s-quiz leaderboard teams` reads it (read-teams-board.lua: top 10, the caller's team, the
 * count), beside the old read (every team's week board pipelined, then sorted) for reference.
 * The week boards are filled directly, as data from before the teams boards; the start-up
 * backfill then builds them (timed once). Goal: p99 under 2 ms each.
 */
import { Redis } from 'ioredis';
import { loadAppConfig } from '../src/config/load-config.js';
import { rankScores } from '../src/core/boards.js';
import type { Team } from '../src/core/model.js';
import { Keys } from '../src/store/keys.js';
import { createRedisStore } from '../src/store/redis-store.js';
import { backfillTeamsBoards } from '../src/store/teams-board-backfill.js';
import { benchRedis, fmt, measure, percentile } from './support.js';

const PLAYERS = Number(process.env.PLAYERS ?? 100_000);
const TEAMS = Number(process.env.TEAMS ?? 10_000);
const CALLS = Number(process.env.CALLS ?? 1000);
const PREFIX = 'bench:';
const WEEK = '2026-W48';
const WORKSPACE = 'TBENCH';

const server = await benchRedis();
const redis = new Redis(server.url, { maxRetriesPerRequest: null });
const store = createRedisStore(redis, PREFIX);
const keys = new Keys(PREFIX);
const config = await loadAppConfig();

// A fixed sequence, so every run fills the same boards (scores with many ties, as real points have).
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x1_0000_0000;
};

/** One team with PLAYERS players on its all-time and weekly boards, and their names. */
async function fillPlayerBoard(teamId: string): Promise<void> {
  for (let from = 0; from < PLAYERS; from += 10_000) {
    const pipeline = redis.pipeline();
    for (let i = from; i < Math.min(PLAYERS, from + 10_000); i++) {
      const id = `U${i}`;
      pipeline.zadd(keys.allBoard(teamId), Math.floor(random() * 5000), id);
      pipeline.zadd(keys.weekBoard(teamId, WEEK), Math.floor(random() * 100), id);
      pipeline.hset(keys.names(teamId), id, `player ${i}`);
    }
    await pipeline.exec();
  }
}

/** TEAMS channels in one workspace, each with 1–20 players on this week's board. */
async function fillTeams(): Promise<void> {
  for (let from = 0; from < TEAMS; from += 1000) {
    const pipeline = redis.pipeline();
    for (let i = from; i < Math.min(TEAMS, from + 1000); i++) {
      const team: Team = {
        id: `slack:${WORKSPACE}:C${i}`,
        address: { platform: 'slack', workspaceId: WORKSPACE, channelId: `C${i}` },
        settings: config.team,
      };
      pipeline.set(keys.team(team.id), JSON.stringify(team));
      pipeline.sadd(keys.teams(), team.id);
      pipeline.sadd(keys.workspaceTeams('slack', WORKSPACE), team.id);
      const players = 1 + Math.floor(random() * 20);
      for (let p = 0; p < players; p++)
        pipeline.zadd(keys.weekBoard(team.id, WEEK), Math.floor(random() * 100), `U${i}-${p}`);
    }
    await pipeline.exec();
  }
}

const loadStarted = performance.now();
const bigTeam = `slack:${WORKSPACE}:CBIG`;
await fillPlayerBoard(bigTeam);
await fillTeams();
const loadMs = performance.now() - loadStarted;
const backfillStarted = performance.now();
await backfillTeamsBoards(redis, keys);
const backfillMs = performance.now() - backfillStarted;

/** The read before the teams boards: every team of the workspace, then each one's week board. */
async function oldTeamStandings(): Promise<unknown> {
  const teams = await store.teams.inWorkspace('slack', WORKSPACE);
  const pipeline = redis.pipeline();
  for (const t of teams) {
    pipeline.zrevrange(keys.weekBoard(t.id, WEEK), 0, 2, 'WITHSCORES');
    pipeline.zcard(keys.weekBoard(t.id, WEEK));
  }
  const replies = (await pipeline.exec()) ?? [];
  const standings = teams.map((t, i) => {
    const top3 = (replies[i * 2]?.[1] as string[] | undefined) ?? [];
    const points = top3.filter((_, j) => j % 2 === 1).reduce((sum, s) => sum + Number(s), 0);
    return { teamId: t.id, points, players: Number(replies[i * 2 + 1]?.[1] ?? 0) };
  });
  standings.sort((a, b) => b.points - a.points || a.teamId.localeCompare(b.teamId));
  return rankScores(standings);
}
const workspace = { platform: 'slack' as const, workspaceId: WORKSPACE };

/** A caller somewhere in the middle of the board (not in the top 10): a new one each call. */
const caller = (i: number) => `U${(i * 7919) % PLAYERS}`;
const cases: { name: string; op: (i: number) => Promise<unknown> }[] = [
  { name: 'PING (baseline)', op: () => redis.ping() },
  { name: 'top 10 + my rank, all time', op: (i) => store.boards.board(bigTeam, 'all', 10, caller(i)) },
  {
    name: 'top 10 + my rank, this week',
    op: (i) => store.boards.board(bigTeam, { week: WEEK }, 10, caller(i)),
  },
  {
    // A calling team anywhere on the board (mostly outside the top 10): a new one each call.
    name: `teams board (${TEAMS} teams)`,
    op: (i) => store.boards.teamsBoard(workspace, WEEK, 10, `slack:${WORKSPACE}:C${(i * 7919) % TEAMS}`),
  },
  { name: 'old teams read (reference)', op: oldTeamStandings },
];

console.log(
  `boards — ${PLAYERS} players on one team's boards, ${TEAMS} teams in one workspace (filled in ${fmt(loadMs / 1000, 1)} s, teams boards backfilled in ${fmt(backfillMs, 0)} ms); one call at a time, local redis-server`,
);
console.log('call                          | calls | p50 ms  | p99 ms  | p99/PING | goal p99 < 2 ms');
let ping = 0;
for (const c of cases) {
  // The old teams read takes most of a second: fewer calls, so the bench ends in seconds.
  const old = c.name.startsWith('old');
  const calls = old ? Math.max(20, Math.floor(CALLS / 50)) : CALLS;
  await measure(Math.max(5, calls / 10), 1, c.op); // warm up
  const r = await measure(calls, 1, c.op);
  const p99 = percentile(r.latencies, 99);
  if (c.name.startsWith('PING')) ping = p99;
  console.log(
    `${c.name.padEnd(29)} | ${String(calls).padStart(5)} | ${fmt(percentile(r.latencies, 50), 3).padStart(7)} | ${fmt(p99, 3).padStart(7)} | ${`${fmt(p99 / ping, 1)}×`.padStart(8)} | ${c.name.startsWith('PING') || old ? '' : p99 < 2 ? 'met' : 'NOT met'}`,
  );
}
redis.disconnect();
await server.stop();
