import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/content/load-bank.js';
import { formatContentError } from '../../src/content/types.js';
import { runCli } from '../support/run-cli.js';
import { fixtureRoot } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-content-');
afterAll(fixtures.remove);
const folder = fixtures.folder;

const GOOD_QUIZ = `  - id: ITEM
    prompt: 哪个组件负责调度？
    options: [kube-scheduler, kubelet, kube-proxy]
    answer: 0
    explanation: kube-scheduler 为 Pod 选择节点。`;

function question(id: string, category: string, quizzes: string, body = '参考答案。') {
  return `---\nid: ${id}\ntitle: 问题 ${id}\ncategory: ${category}\ndifficulty: 1\ntags: []\nquizzes:\n${quizzes}\n---\n\n${body}\n`;
}

async function errorsOf(dir: string): Promise<string[]> {
  const loaded = await loadBank(dir);
  if (loaded.ok) return [];
  return loaded.error.map(formatContentError);
}

describe('loading content', () => {
  it('GIVEN a valid folder THEN the bank is built and indexed', async () => {
    const dir = folder('valid', { 'basics/a.md': question('a', 'basics', GOOD_QUIZ.replace('ITEM', 'a-1')) });
    const loaded = await loadBank(dir);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value.quizzesIn('basics').map((q) => q.id)).toEqual(['a-1']);
  });

  it('GIVEN an answer out of range THEN the error names file, line and field', async () => {
    const quiz = GOOD_QUIZ.replace('ITEM', 'b-1').replace('answer: 0', 'answer: 3');
    const dir = folder('range', { 'basics/b.md': question('b', 'basics', quiz) });
    const file = relative(process.cwd(), join(dir, 'questions/basics/b.md'));
    expect(await errorsOf(dir)).toEqual([`${file}:11: quizzes[0].answer: index 3 is out of range 0..2`]);
  });

  it('GIVEN duplicate and empty options, a missing field and an unknown key THEN each is reported at its line', async () => {
    const quiz = `  - id: c-1
    prompt: 问题
    options: [kubelet, kubelet, ""]
    answer: 0
    explanation: 解释
    hint: 多余的字段`;
    const text = question('c', 'basics', quiz).replace('difficulty: 1\n', '');
    const dir = folder('fields', { 'basics/c.md': text });
    const errors = await errorsOf(dir);
    const file = relative(process.cwd(), join(dir, 'questions/basics/c.md'));
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${file}:2: difficulty: `)),
        `${file}:9: quizzes[0].options[2]: must not be empty`,
        `${file}:9: quizzes[0].options[1]: duplicates option 0`,
        expect.stringMatching(new RegExp(`^${file}:12: quizzes\\[0\\]\\.hint: `)),
      ]),
    );
  });

  it('GIVEN ids reused across files, an unknown category and a misplaced file THEN all are reported', async () => {
    const dir = folder('cross', {
      'basics/d.md': question('d', 'basics', GOOD_QUIZ.replace('ITEM', 'same')),
      'basics/e.md': question('e', 'basics', GOOD_QUIZ.replace('ITEM', 'same')),
      'pods/f.md': question('f', 'no-such-category', GOOD_QUIZ.replace('ITEM', 'f-1')),
      'pods/g.md': question('g', 'basics', GOOD_QUIZ.replace('ITEM', 'g-1')),
    });
    const errors = (await errorsOf(dir)).join('\n');
    expect(errors).toMatch(/e\.md:8: quizzes\[0\]\.id: quiz id "same" is already used in .*d\.md:8/);
    expect(errors).toMatch(/f\.md:4: category: unknown category "no-such-category"/);
    expect(errors).toMatch(/g\.md:4: category: file must be in the folder questions\/basics\//);
  });

  it('GIVEN broken YAML and an empty body THEN the YAML error has its line and the body is named', async () => {
    const dir = folder('syntax', {
      'basics/h.md': '---\nid: h\ntitle: [unclosed\n---\n\n正文\n',
      'basics/i.md': question('i', 'basics', GOOD_QUIZ.replace('ITEM', 'i-1'), ''),
    });
    const errors = (await errorsOf(dir)).join('\n');
    expect(errors).toMatch(/h\.md:[34]: invalid YAML/);
    expect(errors).toMatch(/i\.md:14: body: reference answer is empty/);
  });

  it('GIVEN an invalid folder THEN `content check --json` lists the errors and exits 1', () => {
    const dir = folder('cli', {
      'basics/j.md': question(
        'j',
        'basics',
        GOOD_QUIZ.replace('ITEM', 'j-1').replace('answer: 0', 'answer: -1'),
      ),
    });
    const run = runCli(['content', 'check', dir, '--json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.errors).toEqual([expect.objectContaining({ line: 11, field: 'quizzes[0].answer' })]);
  });
});
