import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating, State } from 'ts-fsrs';

/**
 * A player's review deck: the quiz items they missed, each with its FSRS memory state
 * (ts-fsrs). Scheduling is day-based — the bot reminds once a day — so FSRS's short-term
 * (minute) steps are off and every grade moves the item at least a day ahead. Fuzz is off:
 * a deck is one person's, there is no review pile-up to spread, and due dates stay predictable.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

export const GRADES = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewGrade = (typeof GRADES)[number];

const RATING: Record<ReviewGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** ts-fsrs's Card with instants as epoch ms: what Redis keeps (JSON). */
export interface Memory {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: State;
  lastReview?: number;
}

/** One item on a player's deck. */
export interface DeckCard {
  quizId: string;
  memory: Memory;
  addedAt: number;
  /**
   * When the latest answer this card learned from was given. An answer at or before it is
   * already counted — a close job that runs again, or a round answered before a review.
   */
  answeredAt: number;
  /** Counts the answers learned from; a grade button carries it, so an old button changes nothing. */
  seq: number;
  /**
   * The last `/k8s-quiz review` answer, graded by default (wrong → again, right → good); a
   * grade button replaces that grade, scheduling again from the card as it was before.
   */
  pending?: { before: Memory; at: number; grade: ReviewGrade; correct: boolean };
}

const toCard = (m: Memory): Card => ({
  due: new Date(m.due),
  stability: m.stability,
  difficulty: m.difficulty,
  elapsed_days: m.elapsedDays,
  scheduled_days: m.scheduledDays,
  learning_steps: m.learningSteps,
  reps: m.reps,
  lapses: m.lapses,
  state: m.state,
  ...(m.lastReview !== undefined ? { last_review: new Date(m.lastReview) } : {}),
});

const toMemory = (c: Card): Memory => ({
  due: c.due.getTime(),
  stability: c.stability,
  difficulty: c.difficulty,
  elapsedDays: c.elapsed_days,
  scheduledDays: c.scheduled_days,
  learningSteps: c.learning_steps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  ...(c.last_review ? { lastReview: c.last_review.getTime() } : {}),
});

/** The memory state after an answer graded `grade` at `at` (a new item starts from an empty card). */
export function schedule(memory: Memory | undefined, at: number, grade: ReviewGrade): Memory {
  const card = memory ? toCard(memory) : createEmptyCard(new Date(at));
  return toMemory(scheduler.next(card, new Date(at), RATING[grade]).card);
}

/** FSRS retrievability: the estimated chance the player recalls the item at `at` (0–1). */
export const retrievability = (memory: Memory, at: number): number =>
  scheduler.get_retrievability(toCard(memory), new Date(at), false);

/**
 * A card learns from an answer in a daily or live round: a miss puts the item on the deck (or
 * is a lapse when it is there), a right answer to an item on the deck counts as a review.
 * Returns undefined when nothing changes (a right answer off the deck, an answer already counted).
 */
export function learnFromRound(
  card: DeckCard | undefined,
  quizId: string,
  correct: boolean,
  answeredAt: number,
): DeckCard | undefined {
  if (!card) {
    if (correct) return undefined;
    return {
      quizId,
      memory: schedule(undefined, answeredAt, 'again'),
      addedAt: answeredAt,
      answeredAt,
      seq: 1,
    };
  }
  if (answeredAt <= card.answeredAt) return undefined;
  const at = Math.max(answeredAt, card.memory.lastReview ?? 0);
  const { pending: _settled, ...rest } = card;
  return {
    ...rest,
    memory: schedule(card.memory, at, correct ? 'good' : 'again'),
    answeredAt,
    seq: card.seq + 1,
  };
}

/** A `/k8s-quiz review` answer: graded by default, and open to a grade press until the next answer. */
export function answerReview(card: DeckCard, correct: boolean, at: number): DeckCard {
  const grade: ReviewGrade = correct ? 'good' : 'again';
  const when = Math.max(at, card.memory.lastReview ?? 0);
  return {
    ...card,
    memory: schedule(card.memory, when, grade),
    answeredAt: Math.max(at, card.answeredAt),
    seq: card.seq + 1,
    pending: { before: card.memory, at: when, grade, correct },
  };
}

/** A grade press replaces the default grade of the review it belongs to. */
export function regrade(card: DeckCard, grade: ReviewGrade): DeckCard | undefined {
  if (!card.pending) return undefined;
  return {
    ...card,
    memory: schedule(card.pending.before, card.pending.at, grade),
    pending: { ...card.pending, grade },
  };
}

/** Due for review by `endOfDay`: a deck is reviewed by the day, like the daily question. */
export const isDue = (card: DeckCard, endOfDay: number): boolean => card.memory.due <= endOfDay;

/** Items due by `endOfDay`, the most overdue first (ties: by item id, so the order is stable). */
export const dueCards = (cards: readonly DeckCard[], endOfDay: number): DeckCard[] =>
  cards
    .filter((c) => isDue(c, endOfDay))
    .sort((a, b) => a.memory.due - b.memory.due || a.quizId.localeCompare(b.quizId));

/** An item counts as learned once FSRS expects it to be recalled (90 %) for at least a week. */
export const LEARNED_STABILITY_DAYS = 7;

export interface DeckSummary {
  total: number;
  dueToday: number;
  learned: number;
  /** Mean retrievability now over the deck (0–1); undefined for an empty deck. */
  retention?: number;
  /** The earliest due date (ms); undefined for an empty deck. */
  nextDue?: number;
}

export function summarise(cards: readonly DeckCard[], now: number, endOfDay: number): DeckSummary {
  if (cards.length === 0) return { total: 0, dueToday: 0, learned: 0 };
  const r = cards.reduce((sum, c) => sum + retrievability(c.memory, now), 0);
  return {
    total: cards.length,
    dueToday: cards.filter((c) => isDue(c, endOfDay)).length,
    learned: cards.filter(
      (c) => c.memory.state === State.Review && c.memory.stability >= LEARNED_STABILITY_DAYS,
    ).length,
    retention: r / cards.length,
    nextDue: Math.min(...cards.map((c) => c.memory.due)),
  };
}
