import MiniSearch from 'minisearch';
import type { QuestionBank } from '../bank.js';
import { synonymsOf } from './synonyms.js';
import { searchTerms } from './tokenize.js';

export interface SearchHit {
  questionId: string;
  score: number;
}

interface Doc {
  id: string;
  title: string;
  tags: string;
  category: string;
  body: string;
  quizzes: string;
}

/** A title or tag hit says more about what a question is about than a word in its answer. */
const BOOST = { title: 5, tags: 3, category: 1, body: 1, quizzes: 0.5 };

/**
 * Full-text search over every question's title, tags, category, reference answer and quiz
 * items (MiniSearch, BM25), in Chinese and English. Built once from the bank; a search
 * touches only the in-memory index.
 */
export class ReferenceSearch {
  private readonly index: MiniSearch<Doc>;
  /** Every indexed term: a typed word found as is needs no (costly) typo matching. */
  private readonly vocabulary = new Set<string>();

  constructor(bank: QuestionBank) {
    this.index = new MiniSearch<Doc>({
      fields: Object.keys(BOOST),
      tokenize: (text) => {
        const terms = searchTerms(text);
        for (const term of terms) this.vocabulary.add(term);
        return terms;
      },
      processTerm: (term) => term,
    });
    this.index.addAll(
      bank.questions.map((q) => {
        const category = bank.category(q.category);
        return {
          id: q.id,
          title: q.title,
          tags: q.tags.join(' '),
          category: category ? `${category.name['zh-CN']} ${category.name.en}` : q.category,
          body: q.referenceAnswer,
          quizzes: q.quizzes.map((z) => `${z.prompt} ${z.options.join(' ')} ${z.explanation}`).join('\n'),
        };
      }),
    );
  }

  /** The best `limit` questions for the words, best first; empty when nothing matches. */
  search(words: string, limit = 5): SearchHit[] {
    const own = new Set(searchTerms(words));
    // A synonym counts as one typed word, however many terms (bigrams) it spells.
    const weights = new Map<string, number>();
    for (const phrase of synonymsOf(words)) {
      const terms = searchTerms(phrase).filter((term) => !own.has(term));
      for (const term of terms)
        weights.set(term, Math.max(weights.get(term) ?? 0, SYNONYM_WEIGHT / terms.length));
    }
    return this.index
      .search([...own, ...weights.keys()].join(' '), {
        boost: BOOST,
        tokenize: searchTerms,
        boostTerm: (term) => weights.get(term) ?? 1,
        // An unknown Latin word may be a typing slip (a swap of two letters is two edits); Latin
        // words also match as a prefix; Chinese bigrams must match exactly.
        fuzzy: (term) =>
          !isLatin(term) || term.length < 4 || this.vocabulary.has(term) ? false : term.length < 6 ? 1 : 2,
        prefix: (term) => isLatin(term) && term.length >= 4,
        combineWith: 'OR',
      })
      .slice(0, limit)
      .map((r) => ({ questionId: String(r.id), score: r.score }));
  }
}

const SYNONYM_WEIGHT = 0.5;
const isLatin = (term: string) => /^[a-z]/.test(term);

const built = new WeakMap<QuestionBank, ReferenceSearch>();

/** The bank's one index: built at its first use (the first `ask`, about a second), then kept. */
export function referenceSearchOf(bank: QuestionBank): ReferenceSearch {
  let search = built.get(bank);
  if (!search) {
    search = new ReferenceSearch(bank);
    built.set(bank, search);
  }
  return search;
}
