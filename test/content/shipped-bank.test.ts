import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/content/load-bank.js';
import { runCli } from '../support/run-cli.js';

describe('the shipped question bank', () => {
  it('GIVEN content/ THEN `content check` reports >= 45 questions, >= 90 quiz items, no errors, and its figures', () => {
    const run = runCli(['content', 'check']);
    // The bank's quality figures and warnings, for whoever reads the test log.
    process.stdout.write(
      `${run.stdout
        .split('\n')
        .filter((l) => !l.includes('] warning'))
        .join('\n')}\n`,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/key strictly the longest option: \d+ of \d+ items/);
    expect(run.stdout).toMatch(/worst key\/distractor width ratio: \d+\.\d\d/);
    const result = JSON.parse(runCli(['content', 'check', '--json']).stdout);
    expect(result.errors).toEqual([]);
    expect(result.questions).toBeGreaterThanOrEqual(45);
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
