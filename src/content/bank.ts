import type { Category, Question, Quiz } from './types.js';

/** The loaded, validated question bank: immutable, indexed by question, quiz and category. */
export class QuestionBank {
  readonly categories: readonly Category[];
  readonly questions: readonly Question[];
  readonly quizzes: readonly Quiz[];
  private readonly questionById: ReadonlyMap<string, Question>;
  private readonly quizById: ReadonlyMap<string, Quiz>;
  private readonly quizzesByCategory: ReadonlyMap<string, readonly Quiz[]>;

  constructor(categories: readonly Category[], questions: readonly Question[]) {
    this.categories = Object.freeze([...categories]);
    // Ids are ASCII kebab-case, where code-point order is the collator's order; localeCompare
    // would map ICU's collation data (~3 MB) into the process at start for nothing.
    this.questions = Object.freeze([...questions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    this.quizzes = Object.freeze(this.questions.flatMap((q) => q.quizzes));
    this.questionById = new Map(this.questions.map((q) => [q.id, q]));
    this.quizById = new Map(this.quizzes.map((q) => [q.id, q]));
    this.quizzesByCategory = new Map(
      this.categories.map((c) => [c.id, Object.freeze(this.quizzes.filter((q) => q.category === c.id))]),
    );
    for (const q of this.questions) Object.freeze(q);
  }

  question(id: string): Question | undefined {
    return this.questionById.get(id);
  }

  quiz(id: string): Quiz | undefined {
    return this.quizById.get(id);
  }

  category(id: string): Category | undefined {
    return this.categories.find((c) => c.id === id);
  }

  /** The same bank without some quiz items (e.g. items held back by players' reports). */
  without(quizIds: ReadonlySet<string>): QuestionBank {
    return new QuestionBank(
      this.categories,
      this.questions.map((q) => ({ ...q, quizzes: q.quizzes.filter((z) => !quizIds.has(z.id)) })),
    );
  }

  /** Quiz items of one category, in a stable order. */
  quizzesIn(categoryId: string): readonly Quiz[] {
    return this.quizzesByCategory.get(categoryId) ?? [];
  }
}
