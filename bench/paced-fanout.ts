/**
 * 10,000 teams due in the same minute against fakes that enforce the platforms' limits: the
 * real worker, engine, Redis store and pacer, discord.js REST / Bolt's WebClient through the
 * adapters' outboxes (test/support/fanout-rig.ts). Prints the wall time beside the platform's
 * minimum (teams / limit), the ratio, the share of requests answered 429 and whether every
 * channel got its question exactly once.
 *
 *   tsx bench/paced-fanout.ts [teams] [discord global limit/s] [slack workspace limit/s]
 *
 * Defaults: 10,000 teams, Discord at its real 50/s (so about 200 s), Slack at 100/s per
 * workspace (Slack publishes no workspace figure; per channel it is 1/s with bursts of 3).
 */
import {
  type FanoutResult,
  notExactlyOnce,
  runDiscordFanout,
  runSlackFanout,
} from '../test/support/fanout-rig.js';
import { benchRedis, fmt } from './support.js';

const [teams = 10_000, discordLimit = 50, slackLimit = 100] = process.argv.slice(2).map(Number);
/** The bot's pace as shipped: 48/s under Discord's 50, i.e. 96 % of the limit. */
const SHARE = 0.96;
const server = await benchRedis();

const report = (name: string, result: FanoutResult, limit: number, platform: 'discord' | 'slack') => {
  const minimumMs = (teams / limit) * 1000;
  const wrong = notExactlyOnce(result, platform);
  console.log(
    `${name}: ${teams} teams in ${fmt(result.wallMs / 1000, 1)} s; platform minimum ${fmt(minimumMs / 1000, 1)} s ` +
      `(${teams} / ${limit}/s) → ${fmt(result.wallMs / minimumMs)}× the minimum`,
  );
  console.log(
    `  ${result.requests} requests, ${result.limited} answered 429 (${fmt((100 * result.limited) / result.requests)} %), ` +
      `${result.failedAttempts} job attempts failed; exactly once: ${wrong.length === 0 ? 'yes' : `NO (${wrong.slice(0, 5).join(', ')} …)`}`,
  );
};

console.log(`paced fan-out — pace at ${SHARE * 100} % of each limit, worker concurrency 50 (as shipped)`);
const discord = await runDiscordFanout({
  redisUrl: server.url,
  prefix: 'bench-d:',
  teams,
  limits: { globalPerSecond: discordLimit, route: { limit: 5, windowMs: 5000 } },
  pacing: { discord: { globalLimit: discordLimit, perSecond: discordLimit * SHARE } },
});
report(`discord (global ${discordLimit}/s)`, discord, discordLimit, 'discord');
const slack = await runSlackFanout({
  redisUrl: server.url,
  prefix: 'bench-s:',
  teams,
  limits: { perChannelPerSecond: 1, channelBurst: 3, perWorkspacePerSecond: slackLimit },
  pacing: {
    slack: { perChannelPerSecond: 1, channelBurst: 3, perWorkspacePerSecond: slackLimit * SHARE },
  },
});
report(`slack (workspace ${slackLimit}/s, 1/s per channel)`, slack, slackLimit, 'slack');
await server.stop();
