import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { SAME_KEY_PROMPT_SIMILARITY } from '../../src/content/quality/near-duplicates.js';
import { bigramSimilarity } from '../../src/content/quality/terms.js';
import { type FixtureQuiz, fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-dups-');
afterAll(fixtures.remove);

const EVICTION: FixtureQuiz = {
  id: 'qos-eviction-order',
  prompt: '节点出现内存压力、kubelet 开始驱逐 Pod 时，通常最先被驱逐的是哪种 QoS 等级的 Pod？',
  options: ['BestEffort', 'Burstable', 'Guaranteed', '最晚创建的 Pod，与 QoS 无关'],
  answer: 0,
  explanation: '驱逐先看用量是否超过 requests，BestEffort 没有 requests，最先被驱逐；Guaranteed 排在最后。',
};

describe('near-duplicate items', () => {
  it('GIVEN the two most similar distinct items of the reviewed bank THEN they stay under the threshold', () => {
    // service-discovery-dns-fqdn and service-discovery-srv-named-port: different facts (0.38).
    const fqdn =
      '集群使用默认集群域名 cluster.local，命名空间 shop 中有一个名为 web 的 Service，它的完整 DNS 名称是？';
    const srv =
      '集群域名为 cluster.local，命名空间 shop 中的 Service web 定义了名为 http 的 TCP 端口。想通过 DNS 同时查到这个端口号，应查询哪条记录？';
    expect(bigramSimilarity(fqdn, srv)).toBeLessThan(SAME_KEY_PROMPT_SIMILARITY);
    expect(bigramSimilarity(EVICTION.prompt, EVICTION.prompt)).toBe(1);
  });

  it('GIVEN an item copied into another question with light edits and the same key THEN the copy is flagged at its prompt', async () => {
    const copy: FixtureQuiz = {
      ...EVICTION,
      id: 'eviction-first',
      prompt: '节点内存压力下 kubelet 开始驱逐 Pod，通常最先被驱逐的是哪一种 QoS 等级的 Pod？',
      options: ['Guaranteed', 'BestEffort', 'Burstable', '优先级最高的 Pod'],
      answer: 1,
    };
    const different: FixtureQuiz = {
      ...EVICTION,
      id: 'qos-auto',
      prompt: 'Pod 的 QoS 等级是如何确定的？',
      options: ['spec.qosClass 字段', '注解', 'PriorityClass', '由 requests 和 limits 自动计算'],
      answer: 3,
      explanation: 'QoS 等级由各容器的 requests 和 limits 自动计算，写入 status.qosClass。',
    };
    const dir = fixtures.folder('dups', {
      'pods/a.md': questionFile({ id: 'a', category: 'pods', quizzes: [EVICTION, different] }),
      'scheduling/b.md': questionFile({ id: 'b', category: 'scheduling', quizzes: [copy] }),
    });
    const result = await checkContent(dir, []);
    const file = relative(process.cwd(), join(dir, 'questions/scheduling/b.md'));
    const dups = result.warnings.filter((w) => w.rule === 'near-duplicate');
    expect(dups).toEqual([expect.objectContaining({ file, line: 9, field: 'quizzes[0].prompt' })]);
    expect(dups[0]?.message).toMatch(
      /near-duplicate of qos-eviction-order \(.*a\.md:9\): prompts 0\.\d\d similar, same key/,
    );
  });
});
