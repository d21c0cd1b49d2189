import { describe, expect, it } from 'vitest';
import { rankScores } from '../../src/core/boards.js';
import { pickDailyQuiz, pickLiveQuizzes } from '../../src/core/rotation.js';
import { shippedBank } from '../support/engine-harness.js';

describe('daily rotation', () => {
  it('GIVEN a team drawing every day THEN no item repeats until the bank is used up, and categories rotate', async () => {
    const bank = await shippedBank();
    const used = new Set<string>();
    let lastCategory: string | undefined;
    const categories: string[] = [];
    for (let day = 0; day < bank.quizzes.length; day++) {
      const pick = pickDailyQuiz(
        bank,
        [],
        { used, ...(lastCategory ? { lastCategory } : {}) },
        `team:${day}`,
      );
      if (!pick) throw new Error('no pick');
      expect(pick.newCycle).toBe(false);
      expect(used.has(pick.quiz.id)).toBe(false);
      used.add(pick.quiz.id);
      categories.push(pick.quiz.category);
      lastCategory = pick.quiz.category;
    }
    expect(used.size).toBe(bank.quizzes.length);
    const firstDays = categories.slice(0, bank.categories.length);
    expect(new Set(firstDays).size).toBe(bank.categories.length);
    const next = pickDailyQuiz(bank, [], { used, lastCategory }, 'team:next');
    expect(next?.newCycle).toBe(true);
  });

  it('GIVEN a category filter THEN only those categories are drawn', async () => {
    const bank = await shippedBank();
    const pick = pickDailyQuiz(bank, ['networking'], { used: new Set() }, 'seed');
    expect(pick?.quiz.category).toBe('networking');
  });

  it('GIVEN a focus category THEN the pick comes from its unused items; used up: the category in turn', async () => {
    const bank = await shippedBank();
    const filter = ['pods', 'networking', 'services'];
    const used = new Set<string>();
    // Focus on networking every day: its items come first, each once, then the turn resumes.
    const networking = bank.quizzesIn('networking').length;
    for (let day = 0; day < networking; day++) {
      const pick = pickDailyQuiz(bank, filter, { used, lastCategory: 'pods' }, `s:${day}`, 'networking');
      expect(pick).toMatchObject({ focus: true, newCycle: false, quiz: { category: 'networking' } });
      expect(used.has(pick?.quiz.id ?? '')).toBe(false);
      used.add(pick?.quiz.id ?? '');
    }
    const after = pickDailyQuiz(bank, filter, { used, lastCategory: 'pods' }, 's:x', 'networking');
    expect(after?.focus).toBeUndefined();
    expect(after?.quiz.category).toBe('services');
    // A focus outside the team's categories is ignored.
    const outside = pickDailyQuiz(bank, ['pods'], { used: new Set() }, 's', 'networking');
    expect(outside).toMatchObject({ quiz: { category: 'pods' } });
    expect(outside?.focus).toBeUndefined();
  });

  it('GIVEN a live round THEN items are distinct and one per question first', async () => {
    const bank = await shippedBank();
    const items = pickLiveQuizzes(bank, ['networking'], 5, 'live1');
    expect(new Set(items.map((q) => q.questionId)).size).toBe(5);
  });
});

describe('ranking', () => {
  it('GIVEN equal scores THEN they share a rank (1, 1, 3)', () => {
    const ranked = rankScores([
      { name: 'c', points: 5 },
      { name: 'a', points: 9 },
      { name: 'b', points: 9 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });

  it('GIVEN several runs of equal scores THEN each entry ranks one below the number of higher scores', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => ({ name: `p${i}`, points: (i * 7919) % 37 }));
    const ranked = rankScores(entries);
    expect(ranked).toHaveLength(2000);
    for (const entry of ranked)
      expect(entry.rank).toBe(1 + entries.filter((e) => e.points > entry.points).length);
    expect(ranked.map((r) => r.rank).slice(0, 3)).toEqual([1, 1, 1]);
  });
});
