import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-catch-all-');
afterAll(fixtures.remove);

describe('catch-all options', () => {
  it('GIVEN "以上都是", "以上皆非" and "None of the above" THEN each is an error at its option; a plain item passes', async () => {
    const quiz = (id: string, last: string) => ({
      id,
      prompt: '哪个组件负责调度？',
      options: ['kube-scheduler', 'kubelet', 'kube-proxy', last],
      answer: 0,
      explanation: 'kube-scheduler 为 Pod 选择节点。',
    });
    const dir = fixtures.folder('catch-all', {
      'basics/all.md': questionFile({
        id: 'all',
        quizzes: [
          quiz('a1', '以上都是'),
          quiz('a2', '以上皆非'),
          quiz('a3', 'None of the above'),
          quiz('a4', 'etcd'),
        ],
      }),
    });
    const result = await checkContent(dir, []);
    const file = relative(process.cwd(), join(dir, 'questions/basics/all.md'));
    expect(result.errors).toEqual([
      expect.objectContaining({ file, line: 10, field: 'quizzes[0].options[3]' }),
      expect.objectContaining({ file, line: 15, field: 'quizzes[1].options[3]' }),
      expect.objectContaining({ file, line: 20, field: 'quizzes[2].options[3]' }),
    ]);
    expect(result.errors[2]?.message).toContain('"None of the above…" is refused');
  });
});
