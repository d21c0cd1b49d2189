/**
 * The words the quality checks compare: technical terms a reader would spot in an option.
 * The bank is Chinese with ASCII technical names, and Chinese has no spaces, so there are two kinds:
 *
 * - ASCII terms: identifiers, CamelCase kinds, flags, paths, dotted names (`PodDisruptionBudget`,
 *   `--provider`, `/etc/kubernetes/pki`, `spec.clusterIP`), compared case-insensitively, at least
 *   two letters and three characters, minus a few words on every other page (`Pod`, `Kubernetes`…)
 *   and example instance names (`web-4`);
 * - CJK terms: runs of 3 or more Han characters without a function character (的, 是, 在, 个…)
 *   — 就绪探针 and 基础镜像 count, 同一个节点 and 节点上 do not. Two characters
 *   (容器, 节点, 资源) are too common in this bank to mean anything on their own.
 */

/** ASCII words too common in this bank to give anything away. */
const ASCII_STOPWORDS = new Set([
  'kubernetes',
  'k8s',
  'pod',
  'pods',
  'node',
  'nodes',
  'container',
  'containers',
  'cluster',
  'kubectl',
  'yaml',
  'api',
  'the',
  'and',
  'for',
  'with',
  'not',
]);

/** Chinese words of 3+ characters as common in this bank as `Pod`. */
const CJK_STOPWORDS = new Set(['命名空间', '控制平面', '应用程序', '配置文件']);

const isCjkStopword = (term: string) => [...CJK_STOPWORDS].some((w) => w.includes(term));

/** Characters that glue Chinese words together rather than carry meaning. */
const FUNCTION_CHARS = new Set([...'的了是在和与或被把将对从上中个也都而及并则其该此这那为以于只要']);

const ASCII_TERM = /--?[a-z][a-z0-9-]*|\/?[a-z0-9][a-z0-9_./:-]*[a-z0-9]/g;
const HAN_RUN = /\p{Script=Han}+/gu;

/** The parts of compound ASCII terms (`pod-security.kubernetes.io/warn` → `security`, `warn`…). */
export function asciiParts(terms: Iterable<string>): Set<string> {
  const parts = new Set<string>();
  for (const term of terms) {
    for (const part of term.split(/[./:=_-]+/)) {
      if (part.length >= 3 && /[a-z].*[a-z]/.test(part) && !ASCII_STOPWORDS.has(part)) parts.add(part);
    }
  }
  return parts;
}

/** An ordinal instance name (`web-4`, `node-1`): it names an example, not a concept. */
const INSTANCE_NAME = /-\d+$/;

export function asciiTerms(text: string): Set<string> {
  const found = text.toLowerCase().match(ASCII_TERM) ?? [];
  return new Set(
    found.filter(
      (t) => t.length >= 3 && /[a-z].*[a-z]/.test(t) && !ASCII_STOPWORDS.has(t) && !INSTANCE_NAME.test(t),
    ),
  );
}

/** Every CJK term of `minLength`+ characters in the text: substrings of its Han runs without function characters. */
export function cjkTerms(text: string, minLength = 3): Set<string> {
  const terms = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (const piece of [...run].reduce<string[]>(
      (pieces, ch) => {
        if (FUNCTION_CHARS.has(ch)) pieces.push('');
        else pieces[pieces.length - 1] += ch;
        return pieces;
      },
      [''],
    )) {
      for (let start = 0; start + minLength <= piece.length; start++) {
        for (let end = start + minLength; end <= piece.length; end++) {
          const term = piece.slice(start, end);
          if (!isCjkStopword(term)) terms.add(term);
        }
      }
    }
  }
  return terms;
}

/**
 * Whether a text contains a term: CJK as a substring, ASCII as a whole term or a part of one
 * (`scale` is in `/scale`, `warn` in `pod-security.kubernetes.io/warn`).
 */
export function mentions(text: string, term: string): boolean {
  if (/\p{Script=Han}/u.test(term)) return text.includes(term);
  const terms = asciiTerms(text);
  return terms.has(term) || asciiParts(terms).has(term);
}

/** Text reduced to what a reader compares: lower case, no spaces or punctuation. */
export const normalise = (text: string): string => text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/** Character-bigram Jaccard similarity of two texts after `normalise` (1 = same bigrams). */
export function bigramSimilarity(a: string | ReadonlySet<string>, b: string | ReadonlySet<string>): number {
  const x = typeof a === 'string' ? bigrams(a) : a;
  const y = typeof b === 'string' ? bigrams(b) : b;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** The character bigrams of `normalise(text)`, to compare one text with many. */
export function bigrams(text: string): Set<string> {
  const t = [...normalise(text)];
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(`${t[i]}${t[i + 1]}`);
  return out;
}
