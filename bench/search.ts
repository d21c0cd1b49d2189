/**
 * `/k8s-quiz ask`: search quality on the fixed query set (top-1, top-5), the index's build
 * time and heap beside loading the bank itself, and query latency beside a plain substring
 * scan of every title and answer (what the bot would do without an index).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadBank } from '../src/content/load-bank.js';
import { ReferenceSearch } from '../src/content/search/reference-search.js';
import { ASK_QUERIES, measureSearch } from '../test/search/query-set.js';
import { fmt, median, percentile } from './support.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const ROUNDS = 5;
const loadMs: number[] = [];
const buildMs: number[] = [];
let search: ReferenceSearch | undefined;
let bank: Awaited<ReturnType<typeof loadBank>> | undefined;
for (let i = 0; i < ROUNDS; i++) {
  let t0 = performance.now();
  bank = await loadBank('content');
  loadMs.push(performance.now() - t0);
  if (!bank.ok) throw new Error('the shipped bank does not load');
  t0 = performance.now();
  search = new ReferenceSearch(bank.value);
  buildMs.push(performance.now() - t0);
}
if (!search || !bank?.ok) throw new Error('unreachable');
const questions = bank.value.questions;

const before = heap();
const kept = new ReferenceSearch(bank.value);
const indexBytes = heap() - before;

const quality = measureSearch((words) => kept.search(words));
console.log(`ask — ${ASK_QUERIES.length} fixed queries over ${questions.length} questions`);
console.log(
  `quality | top-1 ${fmt(100 * quality.top1, 1)} % | top-5 ${fmt(100 * quality.top5, 1)} % (thresholds 80 / 95)`,
);
for (const miss of quality.misses)
  console.log(
    `  miss: "${miss.query}" → #${miss.position + 1} ${miss.expected} (got ${miss.got.slice(0, 3).join(', ')})`,
  );

console.log(
  `start-up | bank load ${fmt(median(loadMs), 1)} ms | index build ${fmt(median(buildMs), 1)} ms (${fmt(median(buildMs) / median(loadMs), 2)}× the bank load) | index heap ${fmt(indexBytes / 2 ** 20, 1)} MiB (median of ${ROUNDS})`,
);

const texts = questions.map((q) => `${q.title}\n${q.referenceAnswer}`.toLowerCase());
const scan = (words: string) => {
  const terms = words.toLowerCase().split(/\s+/).filter(Boolean);
  return texts.filter((t) => terms.some((w) => t.includes(w))).length;
};
const REPEAT = 20;
const time = (op: (words: string) => unknown) => {
  const ms: number[] = [];
  for (let r = 0; r < REPEAT; r++)
    for (const q of ASK_QUERIES) {
      const t0 = performance.now();
      op(q.query);
      ms.push(performance.now() - t0);
    }
  return ms.sort((a, b) => a - b);
};
time((w) => kept.search(w)); // warm-up
const indexed = time((w) => kept.search(w));
const scanned = time(scan);
console.log('query     | p50 ms | p99 ms | max ms');
console.log(
  `index     | ${fmt(percentile(indexed, 50), 3)} | ${fmt(percentile(indexed, 99), 3)} | ${fmt(indexed.at(-1) ?? 0, 3)}`,
);
console.log(
  `substring | ${fmt(percentile(scanned, 50), 3)} | ${fmt(percentile(scanned, 99), 3)} | ${fmt(scanned.at(-1) ?? 0, 3)}   (baseline: no ranking, no Chinese terms, no typos)`,
);
console.log(`ratio p50 index/substring: ${fmt(percentile(indexed, 50) / percentile(scanned, 50), 2)}`);
