import { err, ok, type Result } from '../core/result.js';
import { parseMarkdown } from './markdown.js';
import { QuestionFrontmatterSchema } from './schema.js';
import type { ContentError, Question } from './types.js';
import { parseYaml } from './yaml-source.js';

/**
 * Reads one question file: YAML frontmatter (id, title, category, quizzes…) and a
 * Markdown body that is the reference answer.
 */
export function parseQuestionFile(file: string, text: string): Result<Question, ContentError[]> {
  const tree = parseMarkdown(text);
  const head = tree.children[0];
  if (head?.type !== 'yaml' || !head.position) {
    return err([
      { file, line: 1, field: '', message: 'missing YAML frontmatter (a `---` block at the top)' },
    ]);
  }
  // The YAML text starts on the line after the opening `---`.
  const meta = parseYaml(head.value, QuestionFrontmatterSchema, {
    file,
    firstLine: head.position.start.line + 1,
  });
  const body = text.slice(head.position.end.offset).trim();
  const errors = meta.ok ? [] : [...meta.error];
  if (body === '') {
    errors.push({
      file,
      line: head.position.end.line + 1,
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
    file,
    lines: {
      id: lineOf(['id']),
      category: lineOf(['category']),
      quizIds: m.quizzes.map((_, i) => lineOf(['quizzes', i, 'id'])),
    },
  });
}
