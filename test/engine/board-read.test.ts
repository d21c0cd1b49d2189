import { describe, expect, it } from 'vitest';
import { Keys } from '../../src/store/keys.js';
import { createRedisStore } from '../../src/store/redis-store.js';
import { useRedis } from '../support/redis.js';

const { prefix, redis } = useRedis();
const store = createRedisStore(redis, prefix);
const keys = new Keys(prefix);
const TEAM = 'slack:T1:CBOARD';

describe('reading a board (top N and the caller, one round trip)', () => {
  it('GIVEN 30 players with ties THEN the top 3 have names and ranks, and a caller below them gets 1 + the number who scored more', async () => {
    const key = keys.allBoard(TEAM);
    // 100 down to 91, then every score twice from 90 down: ties across the board.
    for (let i = 0; i < 30; i++)
      await redis.zadd(key, i < 10 ? 100 - i : 90 - Math.floor((i - 10) / 2), `U${i}`);
    for (let i = 0; i < 29; i++) await redis.hset(keys.names(TEAM), `U${i}`, `player ${i}`); // U29 has no name

    const board = await store.boards.board(TEAM, 'all', 3, 'U15');
    expect(board.top.map((e) => [e.playerId, e.name, e.points, e.rank])).toEqual([
      ['U0', 'player 0', 100, 1],
      ['U1', 'player 1', 99, 2],
      ['U2', 'player 2', 98, 3],
    ]);
    // U14 and U15 both have 88; 14 players scored more.
    expect(board.me).toEqual({ rank: 15, playerId: 'U15', name: 'player 15', points: 88 });
    const nameless = await store.boards.board(TEAM, 'all', 3, 'U29');
    expect(nameless.me).toEqual({ rank: 29, playerId: 'U29', name: 'U29', points: 81 });
  });

  it('GIVEN a caller in the top THEN their own entry; GIVEN one not on the board or an empty board THEN no place', async () => {
    const inTop = await store.boards.board(TEAM, 'all', 3, 'U1');
    expect(inTop.me).toMatchObject({ playerId: 'U1', rank: 2, points: 99 });
    expect((await store.boards.board(TEAM, 'all', 3, 'UNOBODY')).me).toBeUndefined();
    const empty = await store.boards.board(TEAM, { week: '2026-W01' }, 10, 'U1');
    expect(empty).toEqual({ top: [] });
  });
});
