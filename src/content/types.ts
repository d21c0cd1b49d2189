import type { Category, QuizInput } from './schema.js';

export type { Category };

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
  /** Path the question was loaded from, for error messages. */
  file: string;
  /** Lines of fields that later checks (unique ids, known category) point at. */
  lines: { id: number; category: number; quizIds: readonly number[] };
}

/** A content problem, always pointing at a file and line. */
export interface ContentError {
  file: string;
  line: number;
  field: string;
  message: string;
}

export const formatContentError = (e: ContentError): string =>
  `${e.file}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
