import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { explanationProblem } from '../../src/content/quality/explanations.js';
import { type FixtureQuiz, fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-provenance-');
afterAll(fixtures.remove);

const quiz: FixtureQuiz = {
  id: 'psa-warn',
  prompt: '不拦截 Pod，但让 kubectl apply 的用户看到违规提示，应设置哪个命名空间标签？',
  options: [
    'pod-security.kubernetes.io/audit=restricted',
    'pod-security.kubernetes.io/enforce=restricted',
    'pod-security.kubernetes.io/enforce-version=restricted',
    'pod-security.kubernetes.io/warn=restricted',
  ],
  answer: 3,
  explanation:
    'warn 模式下违规会触发返回给用户的警告，但请求仍被接受；audit 只写审计日志；enforce 直接拒绝。',
  sources: ['https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
};

describe('explanations', () => {
  it('GIVEN an explanation that names the key (a part of a compound name counts) THEN it passes', () => {
    expect(explanationProblem(quiz.explanation, quiz.options[3] as string)).toBeUndefined();
    expect(
      explanationProblem('BestEffort 没有 requests，用量一超出就最先被驱逐。', 'BestEffort'),
    ).toBeUndefined();
  });

  it('GIVEN a copy of the key, or the key plus a few words THEN it only repeats the key', () => {
    expect(explanationProblem('BestEffort', 'BestEffort')).toMatch(/only repeats the key/);
    expect(explanationProblem('答案是 BestEffort。', 'BestEffort')).toMatch(/only repeats the key/);
  });

  it('GIVEN an explanation about something else THEN it does not mention the key', () => {
    expect(
      explanationProblem(
        'audit 模式只在审计日志中记录违规，enforce 模式会直接拒绝违规的 Pod。',
        'BestEffort 等级',
      ),
    ).toMatch(/does not mention the key/);
  });
});

describe('provenance', () => {
  it('GIVEN a question without origin, verified and sources THEN each is a provenance warning at its line; a complete one has none', async () => {
    const bare = { ...quiz, id: 'bare-1' };
    delete bare.sources;
    const dir = fixtures.folder('provenance', {
      'security/bare.md': questionFile({ id: 'bare', category: 'security', quizzes: [bare] }),
      'security/complete.md': questionFile({
        id: 'complete',
        category: 'security',
        origin: 'original',
        verified: '1.36',
        quizzes: [quiz],
      }),
    });
    const result = await checkContent(dir, []);
    const file = relative(process.cwd(), join(dir, 'questions/security/bare.md'));
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.rule === 'provenance')).toEqual([
      expect.objectContaining({ file, line: 2, field: 'origin' }),
      expect.objectContaining({ file, line: 2, field: 'verified' }),
      expect.objectContaining({ file, line: 8, field: 'quizzes[0].sources' }),
    ]);
    expect(result.warnings.filter((w) => w.rule === 'explanation')).toEqual([]);
  });

  it('GIVEN items with recheck THEN the summary lists them with their versions', async () => {
    const dir = fixtures.folder('recheck', {
      'architecture/proxy.md': questionFile({
        id: 'proxy',
        category: 'architecture',
        origin: 'original',
        verified: '1.36',
        quizzes: [{ ...quiz, id: 'proxy-default-mode', recheck: '1.38' }],
      }),
    });
    const result = await checkContent(dir, []);
    expect(result.figures.recheck).toEqual([
      expect.objectContaining({ quiz: 'proxy-default-mode', version: '1.38', line: 10 }),
    ]);
  });
});
