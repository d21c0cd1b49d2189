import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/content/load-bank.js';
import { formatFigures } from '../../src/content/quality/summary.js';
import { runCli } from '../support/run-cli.js';

describe('the shipped question bank', () => {
  it('GIVEN content/ THEN `content check --strict` reports >= 75 questions, >= 225 items, no errors, no warnings, and its figures', () => {
    const run = runCli(['content', 'check', '--strict', '--json']);
    const result = JSON.parse(run.stdout);
    // The bank's figures, for whoever reads the test log (the warnings: `npm run cli -- content check`).
    const summary = `content: ${result.questions} questions, ${result.quizzes} items, ${result.warnings.length} warning(s)`;
    process.stdout.write(`${[summary, ...formatFigures(result.figures)].join('\n')}\n`);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(run.status).toBe(0);
    expect(result.questions).toBeGreaterThanOrEqual(75);
    expect(result.quizzes).toBeGreaterThanOrEqual(225);
    expect(result.categories).toBeGreaterThanOrEqual(10);
    expect(result.figures.widths.items).toBe(result.quizzes);
    expect(result.figures.examples.manifests).toBeGreaterThan(0);
  });

  it('GIVEN the loaded bank THEN every question has at least two items and every category is used', async () => {
    const loaded = await loadBank('content');
    if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
    const bank = loaded.value;
    for (const q of bank.questions) expect(q.quizzes.length, q.id).toBeGreaterThanOrEqual(2);
    for (const c of bank.categories) expect(bank.quizzesIn(c.id).length, c.id).toBeGreaterThan(0);
    expect(bank.quiz('pod-qos-eviction-order')?.questionId).toBe('pod-qos-classes');
  });

  it('GIVEN the items THEN correct answers are spread over positions', async () => {
    const loaded = await loadBank('content');
    if (!loaded.ok) throw new Error('bank did not load');
    const positions = new Map<number, number>();
    for (const quiz of loaded.value.quizzes)
      positions.set(quiz.answer, (positions.get(quiz.answer) ?? 0) + 1);
    const counts = [...positions.values()];
    expect(Math.max(...counts) / loaded.value.quizzes.length).toBeLessThan(0.4);
  });
});
