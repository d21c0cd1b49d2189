import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { readContent } from '../../src/content/load-bank.js';
import { readSeedAnswers } from '../../src/content/quality/seed-answers.js';
import { compareWithSeed } from '../../src/content/quality/seed-divergence.js';
import { type FixtureQuiz, fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-seed-');
afterAll(fixtures.remove);

const SEED_QOS = `Kubernetes定义了三种QoS等级：

1. **Guaranteed**：不会因为资源压力被驱逐
2. **Burstable**：在Guaranteed之后被驱逐
3. **BestEffort**：最先被驱逐`;
const SEED_PHASES = `Pod 有五种状态：

- Pending
- Running
- CrashLoopBackOff`;
const SEED_DOCUMENT = `# 面试题

## Pod相关

### Q: K8S QoS等级

**A:** ${SEED_QOS}

### Q: pod几种常用状态

**A:** ${SEED_PHASES}

### Q: Pod 生命周期的钩子函数

**A:** PostStart 和 PreStop。
`;
const SEED_MAP = `"K8S QoS等级": { id: qos, category: pods }
"pod几种常用状态": { id: phases, category: pods }
"Pod 生命周期的钩子函数": { id: hooks, category: pods }
`;

const item = (id: string): FixtureQuiz => ({
  id,
  prompt: '内存压力下最先被驱逐的是哪种 QoS 等级的 Pod？',
  options: ['BestEffort', 'Burstable', 'Guaranteed'],
  answer: 0,
  explanation: 'BestEffort 没有 requests，用量一超出就最先被驱逐；Guaranteed 排在最后。',
  sources: ['https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/'],
});
const seedQuestion = (id: string, body: string, revisions?: { change: string; reason: string }[]) =>
  questionFile({
    id,
    category: 'pods',
    origin: 'seed',
    verified: '1.36',
    quizzes: [item(`${id}-1`)],
    body,
    ...(revisions && { revisions }),
  });

describe('divergence from the seed', () => {
  it('GIVEN re-formatting only THEN it is not a change; GIVEN edits in two places THEN two places are counted', () => {
    expect(
      compareWithSeed(SEED_QOS, SEED_QOS.replace('：', ': ').replace('1. **Guaranteed**', '1. Guaranteed')),
    ).toBe(undefined);
    const edited = SEED_QOS.replace('不会因为资源压力被驱逐', '最后才被驱逐').replace(
      '最先被驱逐',
      '最先被驱逐（没有 requests）',
    );
    expect(compareWithSeed(SEED_QOS, edited)).toEqual({ places: 2, firstBodyLine: 3 });
    expect(compareWithSeed(SEED_QOS, `${SEED_QOS}\n\n补充：驱逐还参考优先级。`)).toEqual({
      places: 1,
      firstBodyLine: 7,
    });
  });

  it('GIVEN seed questions identical, changed without revisions, and changed with revisions THEN only the unrecorded one is flagged, at its first change', async () => {
    const dir = fixtures.folder(
      'seed',
      {
        'pods/qos.md': seedQuestion('qos', SEED_QOS),
        'pods/phases.md': seedQuestion(
          'phases',
          SEED_PHASES.replace('- CrashLoopBackOff', '- Succeeded\n- Failed'),
        ),
        'pods/hooks.md': seedQuestion('hooks', 'PostStart 和 PreStop；PreStop 在 SIGTERM 之前执行。', [
          { change: '补充 PreStop 与 SIGTERM 的顺序', reason: '题目考这一点' },
        ]),
        'pods/extra.md': questionFile({
          id: 'extra',
          category: 'pods',
          origin: 'seed',
          verified: '1.36',
          quizzes: [item('extra-1')],
        }),
      },
      { 'seed/k8s-interview-qa.zh-CN.md': SEED_DOCUMENT, 'seed-map.yaml': SEED_MAP },
    );
    const result = await checkContent(dir, []);
    const file = (id: string) => relative(process.cwd(), join(dir, `questions/pods/${id}.md`));
    expect(result.errors).toEqual([]);
    expect(result.figures.seed).toMatch(/seed\/k8s-interview-qa\.zh-CN\.md$/);
    // phases.md: the body starts on line 18; "- Succeeded" is its line 5.
    expect(result.warnings.filter((w) => w.rule === 'unrecorded-change')).toEqual([
      expect.objectContaining({ file: file('phases'), line: 22, field: 'revisions' }),
    ]);
    expect(result.warnings.find((w) => w.rule === 'unrecorded-change')?.message).toMatch(/in 1 place\(s\)/);
    expect(result.warnings.filter((w) => w.field === 'origin')).toEqual([
      expect.objectContaining({
        file: file('extra'),
        message: expect.stringContaining('has no question with id "extra"'),
      }),
    ]);
  });
});

describe('the shipped bank against content/seed', () => {
  it('GIVEN every question the seed has THEN an answer that differs from the seed records at least one revision', async () => {
    const content = await readContent('content');
    const seed = await readSeedAnswers('content', content.categories, []);
    if (!seed) throw new Error('content/seed is missing');
    const compared = content.questions.filter((q) => seed.byId.has(q.id));
    expect(compared.length).toBe(seed.byId.size); // every seed question is in the bank (ids never change)
    const unrecorded = compared
      .filter((q) => compareWithSeed(seed.byId.get(q.id)?.answer ?? '', q.referenceAnswer) !== undefined)
      .filter((q) => (q.revisions?.length ?? 0) === 0)
      .map((q) => q.file);
    expect(unrecorded).toEqual([]);
    for (const q of compared) expect(q.origin ?? 'seed', q.file).toBe('seed');
  });
});
