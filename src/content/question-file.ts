import { err, ok, type Result } from '../core/result.js';
import { splitFrontmatter } from './frontmatter.js';
import { QuestionFrontmatterSchema } from './schema.js';
import type { ContentError, Question } from './types.js';
import { parseYaml } from './yaml-source.js';

/**
 * Reads one question file: YAML frontmatter (id, title, category, quizzes…) and a
 * Markdown body that is the reference answer.
 */
export function parseQuestionFile(file: string, text: string): Result<Question, ContentError[]> {
  const head = splitFrontmatter(text);
  if (!head) {
    return err([
      { file, line: 1, field: '', message: 'missing YAML frontmatter (a `---` block at the top)' },
    ]);
  }
  // The YAML text starts on the line after the opening `---`.
  const meta = parseYaml(head.yaml, QuestionFrontmatterSchema, { file, firstLine: head.yamlLine });
  const body = text.slice(head.endOffset).trim();
  const errors = meta.ok ? [] : [...meta.error];
  if (body === '') {
    errors.push({
      file,
      line: head.endLine + 1,
      field: 'body',
      message: 'reference answer is empty',
    });
  }
  if (!meta.ok || errors.length > 0) return err(errors);
  const m = meta.value.value;
  const { lineOf } = meta.value;
  return ok({
    id: m.id,
    title: m.title,
    category: m.category,
    difficulty: m.difficulty,
    tags: m.tags,
    quizzes: m.quizzes.map((q) => ({ ...q, questionId: m.id, category: m.category })),
    referenceAnswer: body,
    ...(m.origin && { origin: m.origin }),
    ...(m.verified && { verified: m.verified }),
    ...(m.revisions && { revisions: m.revisions }),
    file,
    lines: {
      id: lineOf(['id']),
      category: lineOf(['category']),
      body: bodyLine(text, head.endOffset),
      quizIds: m.quizzes.map((_, i) => lineOf(['quizzes', i, 'id'])),
      quizzes: m.quizzes.map((quiz, i) => ({
        id: lineOf(['quizzes', i, 'id']),
        prompt: lineOf(['quizzes', i, 'prompt']),
        options: quiz.options.map((_, o) => lineOf(['quizzes', i, 'options', o])),
        explanation: lineOf(['quizzes', i, 'explanation']),
      })),
    },
  });
}

/** The file line of the first non-blank character after the frontmatter. */
function bodyLine(text: string, frontmatterEnd: number): number {
  const start = text.slice(frontmatterEnd).search(/\S/);
  return text.slice(0, frontmatterEnd + Math.max(start, 0)).split('\n').length;
}
