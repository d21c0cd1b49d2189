import type { Redis } from 'ioredis';
import type { DeckCard } from '../core/deck.js';
import type { DeckRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { runScript } from './scripts.js';

/** Tries of a compare-and-set before giving up: each lost try means another write went through. */
const ATTEMPTS = 20;

/** Review decks: one hash per player and team, item id → card JSON. */
export class RedisDeckRepo implements DeckRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async cards(teamId: string, playerId: string): Promise<DeckCard[]> {
    const raw = await this.redis.hvals(this.keys.deck(teamId, playerId));
    return raw.flatMap((json) => {
      const card = parse(json);
      return card ? [card] : [];
    });
  }

  async card(teamId: string, playerId: string, quizId: string): Promise<DeckCard | undefined> {
    const raw = await this.redis.hget(this.keys.deck(teamId, playerId), quizId);
    return raw ? parse(raw) : undefined;
  }

  async update(
    teamId: string,
    playerId: string,
    quizId: string,
    change: (card: DeckCard | undefined) => DeckCard | undefined,
  ): Promise<DeckCard | undefined> {
    const key = this.keys.deck(teamId, playerId);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const raw = (await this.redis.hget(key, quizId)) ?? '';
      const next = change(raw ? parse(raw) : undefined);
      if (!next) return undefined;
      const written = await runScript(this.redis, 'replaceCard', [key], [quizId, raw, JSON.stringify(next)]);
      if (Number(written) === 1) return next;
    }
    throw new Error(`review card ${quizId} of ${playerId} kept changing; gave up after ${ATTEMPTS} tries`);
  }

  async setReminder(teamId: string, playerId: string, on: boolean): Promise<void> {
    const key = this.keys.deckReminders(teamId);
    await (on ? this.redis.sadd(key, playerId) : this.redis.srem(key, playerId));
  }

  async reminded(teamId: string): Promise<string[]> {
    return (await this.redis.smembers(this.keys.deckReminders(teamId))).sort();
  }
}

/** A card this version cannot read is left out rather than failing the whole deck. */
function parse(json: string): DeckCard | undefined {
  try {
    const card = JSON.parse(json) as DeckCard;
    return typeof card.quizId === 'string' && typeof card.memory?.due === 'number' ? card : undefined;
  } catch {
    return undefined;
  }
}
