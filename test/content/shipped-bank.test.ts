import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/content/load-bank.js';
import { runCli } from '../support/run-cli.js';

describe('the shipped question bank', () => {
  it('GIVEN content/ THEN `content check --json` reports 45 questions, >= 90 quiz items and no errors', () => {
    const run = runCli(['content', 'check', '--json']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.errors).toEqual([]);
    expect(result.questions).toBe(45);
    expect(result.quizzes).toBeGreaterThanOrEqual(90);
    expect(result.categories).toBeGreaterThanOrEqual(10);
  });

  it('GIVEN the loaded bank THEN every question has at least two items and every category is used', async () => {
    const loaded = await loadBank('content');
    if (!loaded.ok) throw new Error(loaded.error.map((e) => e.message).join('\n'));
    const bank = loaded.value;
    for (const q of bank.questions) expect(q.quizzes.length, q.id).toBeGreaterThanOrEqual(2);
    for (const c of bank.categories) expect(bank.quizzesIn(c.id).length, c.id).toBeGreaterThan(0);
    expect(bank.quiz('pod-qos-eviction-order')?.questionId).toBe('pod-qos-classes');
  });

  it('GIVEN the items THEN correct answers are spread over positions and no option says "all of the above"', async () => {
    const loaded = await loadBank('content');
    if (!loaded.ok) throw new Error('bank did not load');
    const positions = new Map<number, number>();
    for (const quiz of loaded.value.quizzes) {
      positions.set(quiz.answer, (positions.get(quiz.answer) ?? 0) + 1);
      for (const option of quiz.options)
        expect(option).not.toMatch(/以上(都|皆|均)|all of the above|none of the above/i);
    }
    const counts = [...positions.values()];
    expect(Math.max(...counts) / loaded.value.quizzes.length).toBeLessThan(0.4);
  });
});
