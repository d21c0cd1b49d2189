import type { Redis } from 'ioredis';
import type { QuizStore } from '../core/store-ports.js';
import { RedisBoardRepo } from './board-repo.js';
import { RedisDailyRepo } from './daily-repo.js';
import { RedisDeckRepo } from './deck-repo.js';
import { Keys } from './keys.js';
import { RedisLiveRepo } from './live-repo.js';
import { RedisMasteryRepo } from './mastery-repo.js';
import { RedisReportRepo } from './report-repo.js';
import { RedisRoundRepo } from './round-repo.js';
import { defineScripts } from './scripts.js';
import { RedisStepRepo } from './step-repo.js';
import { RedisTeamRepo } from './team-repo.js';

export const DEFAULT_PREFIX = 'k8sq:';

/** The QuizStore on one Redis connection; every key under `prefix`. */
export function createRedisStore(redis: Redis, prefix = DEFAULT_PREFIX): QuizStore {
  defineScripts(redis);
  const keys = new Keys(prefix);
  return {
    teams: new RedisTeamRepo(redis, keys),
    daily: new RedisDailyRepo(redis, keys),
    steps: new RedisStepRepo(redis, keys),
    rounds: new RedisRoundRepo(redis, keys),
    lives: new RedisLiveRepo(redis, keys),
    boards: new RedisBoardRepo(redis, keys),
    reports: new RedisReportRepo(redis, keys),
    mastery: new RedisMasteryRepo(redis, keys),
    decks: new RedisDeckRepo(redis, keys),
  };
}
