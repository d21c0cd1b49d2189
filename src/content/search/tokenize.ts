/**
 * Terms for the reference search. Chinese has no spaces, so a run of Han characters is
 * indexed as its overlapping pairs (bigrams: `驱逐顺序` → `驱逐 逐顺 顺序`), which finds any
 * word of two or more characters without a dictionary; a lone character stays as itself.
 * Latin words are lower-cased, and camelCase or dashed names (`topologySpreadConstraints`,
 * `kube-proxy`) also yield their parts, so `spread` finds the field and the field finds itself.
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const [word] of text.normalize('NFKC').matchAll(WORDS)) {
    for (const [run] of word.matchAll(SCRIPT_RUNS)) {
      if (HAN.test(run)) terms.push(...bigrams(run));
      else terms.push(...latinTerms(run.replace(/^[_.-]+/, '')));
    }
  }
  return terms;
}

const WORDS = /[\p{L}\p{N}_.-]+/gu;
/** Within a word: Han runs and runs of other letters (`k8s服务` → `k8s`, `服务`). */
const SCRIPT_RUNS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}/u;

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  return chars.slice(1).map((ch, i) => `${chars[i]}${ch}`);
}

function latinTerms(word: string): string[] {
  const whole = word.replace(/[_.-]+$/, '').toLowerCase();
  if (!whole) return [];
  const parts = word
    .split(/[_.-]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map((p) => p.toLowerCase());
  // `QoS` is one word, not `qo` + `s`: split only when every part is a word of its own.
  if (parts.length < 2 || parts.some((p) => p.length < 2)) return [whole];
  return [whole, ...parts];
}
