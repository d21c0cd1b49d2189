import type { Category, QuizInput } from './schema.js';

export type { Category };

/** One recorded change of a seed question's reference answer. */
export interface Revision {
  change: string;
  reason: string;
}

/** File lines of one quiz item's fields, for quality warnings. */
export interface QuizLines {
  id: number;
  prompt: number;
  options: readonly number[];
  explanation: number;
}

/** One multiple-choice item the bot can score. */
export interface Quiz extends QuizInput {
  questionId: string;
  category: string;
}

/** One interview question with its reference answer (Markdown) and quiz items. */
export interface Question {
  id: string;
  title: string;
  category: string;
  difficulty: number;
  tags: readonly string[];
  quizzes: readonly Quiz[];
  referenceAnswer: string;
  /** `seed` (imported from the seed document) or `original`; absent until a writer records it. */
  origin?: 'seed' | 'original';
  /** Kubernetes minor whose docs the facts were checked against. */
  verified?: string;
  revisions?: readonly Revision[];
  /** Path the question was loaded from, for error messages. */
  file: string;
  /** Lines of fields that later checks (unique ids, known category, quality) point at. */
  lines: {
    id: number;
    category: number;
    /** The first line of the reference answer. */
    body: number;
    quizIds: readonly number[];
    quizzes: readonly QuizLines[];
  };
}

/** A content problem, always pointing at a file and line. */
export interface ContentError {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** A quality problem: a warning, or an error under `content check --strict`. */
export interface ContentWarning extends ContentError {
  /** Which check found it (`key-width`, `giveaway`, …), for counting and filtering. */
  rule: string;
}

/** `file:line: field: message`; a bank-wide finding (line 0) names only the folder. */
export const formatContentError = (e: ContentError): string =>
  `${e.file}${e.line > 0 ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.message}`;

export const formatContentWarning = (w: ContentWarning): string => `${formatContentError(w)} [${w.rule}]`;
