import { describe, expect, it } from 'vitest';
import { ReferenceSearch } from '../../src/content/search/reference-search.js';
import { searchTerms } from '../../src/content/search/tokenize.js';
import { shippedBank } from '../support/engine-harness.js';
import { ASK_QUERIES, measureSearch } from './query-set.js';

describe('reference search on the shipped bank', () => {
  it('GIVEN the fixed query set THEN every expected question exists and there are at least 30 queries', async () => {
    const bank = await shippedBank();
    expect(ASK_QUERIES.length).toBeGreaterThanOrEqual(30);
    const unknown = ASK_QUERIES.filter((q) => !bank.question(q.expected)).map((q) => q.expected);
    expect(unknown).toEqual([]);
    for (const kind of ['zh', 'en', 'mixed', 'synonym', 'typo'])
      expect(ASK_QUERIES.some((q) => q.kind === kind)).toBe(true);
  });

  it('GIVEN the fixed query set THEN top-1 is at least 80 % and top-5 at least 95 %', async () => {
    const search = new ReferenceSearch(await shippedBank());
    const quality = measureSearch((words) => search.search(words));
    expect(quality.top1, JSON.stringify(quality.misses, null, 1)).toBeGreaterThanOrEqual(0.8);
    expect(quality.top5, JSON.stringify(quality.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
  });

  it('GIVEN words found nowhere in the bank THEN there is no hit', async () => {
    const search = new ReferenceSearch(await shippedBank());
    expect(search.search('天气预报')).toEqual([]);
    expect(search.search('banana smoothie')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
  });

  it('GIVEN a limit THEN at most that many distinct questions come back, best first', async () => {
    const search = new ReferenceSearch(await shippedBank());
    const hits = search.search('Pod', 5);
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((h) => h.questionId)).size).toBe(5);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});

describe('search terms', () => {
  it('GIVEN Chinese text THEN a run becomes its character pairs and a lone character stays', () => {
    expect(searchTerms('驱逐顺序')).toEqual(['驱逐', '逐顺', '顺序']);
    expect(searchTerms('网')).toEqual(['网']);
  });

  it('GIVEN Latin names THEN they are lower-cased and camelCase or dashed names also yield their parts', () => {
    expect(searchTerms('topologySpreadConstraints')).toEqual([
      'topologyspreadconstraints',
      'topology',
      'spread',
      'constraints',
    ]);
    expect(searchTerms('kube-proxy')).toEqual(['kube-proxy', 'kube', 'proxy']);
    expect(searchTerms('QoS')).toEqual(['qos']);
  });

  it('GIVEN mixed and full-width text THEN Chinese and Latin runs split where the script changes', () => {
    expect(searchTerms('k8s服务发现')).toEqual(['k8s', '服务', '务发', '发现']);
    expect(searchTerms('ＰＯＤ 探针')).toEqual(['pod', '探针']);
  });
});
