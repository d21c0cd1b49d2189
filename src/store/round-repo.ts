import type { Redis } from 'ioredis';
import type { ScoringConfig } from '../config/app-config.js';
import type { Player, Team } from '../core/model.js';
import type { AnswerOutcome, CloseOutcome, Round, RoundInit, RoundResults } from '../core/round.js';
import type { DailyHistory, RoundRepo } from '../core/store-ports.js';
import { AnswerCall } from './answer-call.js';
import type { Keys } from './keys.js';
import { pairsToHash, roundFromHash, roundToFields } from './round-codec.js';
import { runScript } from './scripts.js';

/** Closed rounds stay readable (reference answers, `daily`) for a while, then expire. */
const ROUND_RETENTION_SECONDS = 60 * 60 * 24 * 30;
/**
 * A date's category tallies are read for 4 weeks of mastery ending as far back as the end of
 * last week (a weekly announcement): 35 days, plus margin for a question closed late.
 */
const TALLY_RETENTION_SECONDS = 60 * 60 * 24 * 40;

export class RedisRoundRepo implements RoundRepo {
  private readonly answerCall: AnswerCall;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    this.answerCall = new AnswerCall(redis, keys);
  }

  async create(init: RoundInit): Promise<Round> {
    const flat = (await runScript(
      this.redis,
      'createRound',
      [this.keys.round(init.id), this.keys.openRounds()],
      [init.id, init.closesAt, ...roundToFields(init)],
    )) as string[];
    const round = roundFromHash(pairsToHash(flat));
    if (!round) throw new Error(`round ${init.id} was not stored`);
    return round;
  }

  async get(roundId: string): Promise<Round | undefined> {
    return roundFromHash(await this.redis.hgetall(this.keys.round(roundId)));
  }

  async open(): Promise<{ roundId: string; closesAt: number }[]> {
    const flat = await this.redis.zrange(this.keys.openRounds(), 0, -1, 'WITHSCORES');
    const open: { roundId: string; closesAt: number }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      open.push({ roundId: flat[i] as string, closesAt: Number(flat[i + 1]) });
    return open;
  }

  recordAnswer(
    teamId: string,
    roundId: string,
    player: Player,
    choice: number,
    now: number,
  ): Promise<AnswerOutcome> {
    // Answers of the same event-loop turn share one script call (answer-call.ts).
    return this.answerCall.record(teamId, roundId, player.id, player.name, choice, now);
  }

  async close(round: Round, scoring: ScoringConfig, team?: Team): Promise<CloseOutcome | undefined> {
    const roundId = round.id;
    const k = this.keys;
    const keys = [
      k.round(roundId),
      k.answers(roundId),
      k.answerOrder(roundId),
      k.results(roundId),
      k.roundNames(roundId),
      k.names(round.teamId),
      k.weekBoard(round.teamId, round.week),
      k.allBoard(round.teamId),
      k.masteryDay(round.teamId, round.localDate),
      k.weekStreaks(round.teamId, round.week),
      round.liveId ? k.liveScores(round.liveId) : k.results(roundId),
      k.openRounds(),
      team ? k.teamsBoard(team.address.platform, team.address.workspaceId, round.week) : k.results(roundId),
    ];
    const args = [
      k.statsPrefix(round.teamId),
      JSON.stringify(scoring),
      ROUND_RETENTION_SECONDS,
      k.masteryDayPrefix(round.teamId, round.localDate),
      TALLY_RETENTION_SECONDS,
      team ? round.teamId : '',
    ];
    const reply = (await runScript(this.redis, 'closeRound', keys, args)) as [number, string] | null;
    // The script drops a closed round from the index; a round that is gone altogether leaves here.
    if (!reply) {
      await this.redis.zrem(k.openRounds(), roundId);
      return undefined;
    }
    return { closedNow: reply[0] === 1, results: decodeResults(reply[1]) };
  }

  /** How many rounds are open now (for the gauge). */
  openCount(): Promise<number> {
    return this.redis.zcard(this.keys.openRounds());
  }

  async results(roundId: string): Promise<RoundResults | undefined> {
    const raw = await this.redis.get(this.keys.results(roundId));
    return raw ? decodeResults(raw) : undefined;
  }

  async dailyHistory(teamId: string): Promise<DailyHistory> {
    const [used, state] = await Promise.all([
      this.redis.smembers(this.keys.dailyUsed(teamId)),
      this.redis.hgetall(this.keys.daily(teamId)),
    ]);
    const history: DailyHistory = { used: new Set(used) };
    if (state.lastCategory) history.lastCategory = state.lastCategory;
    if (state.lastDate) history.lastDate = state.lastDate;
    if (state.latestRoundId) history.latestRoundId = state.latestRoundId;
    return history;
  }

  async markDailyPosted(round: Round): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.keys.dailyUsed(round.teamId), round.quizId)
      .hset(this.keys.daily(round.teamId), {
        // A focus day leaves the turn of categories where it was.
        ...(round.focus ? {} : { lastCategory: round.category }),
        lastDate: round.localDate,
        latestRoundId: round.id,
      })
      .exec();
    // Once a day, so a second call is cheap: counts the focus day in the focus that chose it.
    if (round.focus)
      await runScript(
        this.redis,
        'markFocusDay',
        [this.keys.focus(round.teamId)],
        [round.category, round.localDate, round.quizId],
      );
  }

  async resetDailyCycle(teamId: string): Promise<void> {
    await this.redis.del(this.keys.dailyUsed(teamId));
  }
}

function decodeResults(raw: string): RoundResults {
  const parsed = JSON.parse(raw) as RoundResults & { answers: unknown };
  // cjson encodes an empty Lua table as `{}`.
  const answers = Array.isArray(parsed.answers) ? parsed.answers : [];
  return {
    roundId: parsed.roundId,
    split: Array.isArray(parsed.split) ? parsed.split : [],
    answers: answers.map((a) => ({ ...a, streak: a.streak ?? undefined })),
  };
}
