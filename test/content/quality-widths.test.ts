import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { displayWidth, measureItem } from '../../src/content/quality/option-widths.js';
import { runCli } from '../support/run-cli.js';
import { type FixtureQuiz, fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-widths-');
afterAll(fixtures.remove);

const item = (id: string, options: string[], answer: number): FixtureQuiz => ({
  id,
  prompt: `第 ${id} 题：哪个组件负责把 Pod 绑定到节点？`,
  options,
  answer,
  explanation: 'kube-scheduler 为 Pod 选择节点并写入 binding。',
});
const plain = ['kube-scheduler', 'kube-controller-manager', 'kube-proxy', 'kubelet'];

describe('option width checks', () => {
  it('GIVEN CJK and ASCII text THEN display width counts CJK and full-width characters as 2', () => {
    expect(displayWidth('kubelet')).toBe(7);
    expect(displayWidth('节点压力')).toBe(8);
    expect(displayWidth('Pod（或容器）')).toBe(3 + 10);
    expect(measureItem(['长长长长', 'ab', 'cd', 'ef'], 0)).toEqual({ ratio: 4, keyLongest: true });
    expect(measureItem(['ab', 'ab2', 'cd'], 0).keyLongest).toBe(false);
  });

  it('GIVEN a key 5× its distractors THEN a key-width warning points at the key line; a plain item has none', async () => {
    const dir = fixtures.folder('ratio', {
      'basics/giveaway.md': questionFile({
        id: 'giveaway',
        quizzes: [
          item('plain', plain, 0),
          item('long-key', ['kubelet', 'kube-proxy', 'kube-scheduler（默认调度器，可替换）', 'etcd'], 2),
        ],
      }),
    });
    const result = await checkContent(dir, []);
    expect(result.errors).toEqual([]);
    const file = relative(process.cwd(), join(dir, 'questions/basics/giveaway.md'));
    const keyWidth = result.warnings.filter((w) => w.rule === 'key-width');
    expect(keyWidth).toEqual([expect.objectContaining({ file, line: 15, field: 'quizzes[1].options[2]' })]);
    expect(keyWidth[0]?.message).toMatch(/the key is 5\.14× the mean display width/);
    expect(result.figures.widths.worst).toMatchObject({ quiz: 'long-key', file, line: 15 });
  });

  it('GIVEN 4 items with the key strictly longest in 2 THEN the bank-level share warning is raised (50 % > 30 %)', async () => {
    const longer = ['kube-scheduler', 'kubelet', 'kube-proxy', 'etcd'];
    const dir = fixtures.folder('share', {
      'basics/share.md': questionFile({
        id: 'share',
        quizzes: [
          item('s1', longer, 0),
          item('s2', ['kubelet', 'kube-scheduler', 'etcd', 'kube-proxy'], 1),
          item('s3', ['kubelet', 'kube-scheduler', 'etcd', 'kube-proxy'], 0),
          item('s4', ['kubelet', 'kube-scheduler', 'etcd', 'kube-proxy'], 3),
        ],
      }),
    });
    const result = await checkContent(dir, []);
    expect(result.figures.widths).toMatchObject({ items: 4, keyLongest: 2, longestShare: 0.5 });
    expect(result.warnings.filter((w) => w.rule === 'longest-share')).toEqual([
      expect.objectContaining({
        file: dir,
        line: 0,
        message: expect.stringContaining('2 of 4 items (50.0 %'),
      }),
    ]);
  });

  it('GIVEN warnings THEN `content check` exits 0 and lists them; with --strict it exits 1; --json carries them', () => {
    const dir = fixtures.folder('cli', {
      'basics/cli.md': questionFile({
        id: 'cli',
        quizzes: [item('c1', ['kubelet', 'kube-proxy', 'kube-scheduler（默认调度器，可替换）', 'etcd'], 2)],
      }),
    });
    const lenient = runCli(['content', 'check', dir]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(
      /cli\.md:10: quizzes\[0\]\.options\[2\]: the key is .* \[key-width\] warning/,
    );
    expect(lenient.stdout).toMatch(
      /key strictly the longest option: 1 of 1 items \(100\.0 %; at most 30\.0 %\)/,
    );
    expect(lenient.stdout).toMatch(/worst key\/distractor width ratio: 5\.14 \(c1, /);

    const strict = runCli(['content', 'check', dir, '--strict', '--json']);
    expect(strict.status).toBe(1);
    const json = JSON.parse(strict.stdout);
    expect(json).toMatchObject({ strict: true, ok: false, errors: [] });
    const rules = json.warnings.map((w: { rule: string }) => w.rule);
    expect(rules.filter((r: string) => r !== 'provenance').sort()).toEqual(['key-width', 'longest-share']);
    expect(json.figures.widths.keyLongest).toBe(1);
  });
});
