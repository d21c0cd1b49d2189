import type { EngineContext } from '../context.js';
import { learnFromRound } from '../deck.js';
import type { Round, RoundResults } from '../round.js';

/**
 * After a close, each answer teaches its player's review deck: a miss puts the item on it, a
 * right answer to an item already there counts as a review. Runs on every close run, not only
 * the first — a card skips an answer it already counted — so a crash after the scoring and
 * before this loses nothing.
 */
export async function learnFromAnswers(
  ctx: EngineContext,
  round: Round,
  results: RoundResults,
): Promise<void> {
  // One deck per player: the updates touch different keys, so they go side by side and the
  // reveal waits about one round trip, not one per player.
  await Promise.all(
    results.answers.map((answer) =>
      ctx.store.decks.update(round.teamId, answer.playerId, round.quizId, (card) =>
        learnFromRound(card, round.quizId, answer.correct, answer.answeredAt),
      ),
    ),
  );
}
