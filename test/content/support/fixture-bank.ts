import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway root for content folders; call `remove` in afterAll. */
export function fixtureRoot(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    /** A content folder with the real categories and the given files under `questions/` (and extras at the root). */
    folder(name: string, files: Record<string, string>, extras: Record<string, string> = {}): string {
      const dir = join(root, name);
      mkdirSync(join(dir, 'questions'), { recursive: true });
      cpSync('content/categories.yaml', join(dir, 'categories.yaml'));
      const write = (path: string, text: string) => {
        mkdirSync(join(path, '..'), { recursive: true });
        writeFileSync(path, text);
      };
      for (const [path, text] of Object.entries(files)) write(join(dir, 'questions', path), text);
      for (const [path, text] of Object.entries(extras)) write(join(dir, path), text);
      return dir;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface FixtureQuiz {
  id: string;
  prompt: string;
  options: string[];
  answer: number;
  explanation: string;
  sources?: string[];
  recheck?: string;
}

export interface FixtureQuestion {
  id: string;
  category?: string;
  title?: string;
  origin?: 'seed' | 'original';
  verified?: string;
  revisions?: { change: string; reason: string }[];
  quizzes: FixtureQuiz[];
  body?: string;
}

/** A question file whose quiz lines are predictable: the first item's `id` is on line 8 (+1 per header field given), each item takes 5 lines (+1 with sources, +1 with recheck). */
export function questionFile(q: FixtureQuestion): string {
  const head = [
    '---',
    `id: ${q.id}`,
    `title: ${JSON.stringify(q.title ?? `问题 ${q.id}`)}`,
    `category: ${q.category ?? 'basics'}`,
    'difficulty: 1',
    'tags: []',
    ...(q.origin ? [`origin: ${q.origin}`] : []),
    ...(q.verified ? [`verified: '${q.verified}'`] : []),
    ...(q.revisions
      ? [
          'revisions:',
          ...q.revisions.flatMap((r) => [
            `  - change: ${JSON.stringify(r.change)}`,
            `    reason: ${JSON.stringify(r.reason)}`,
          ]),
        ]
      : []),
    'quizzes:',
  ];
  const items = q.quizzes.flatMap((z) => [
    `  - id: ${z.id}`,
    `    prompt: ${JSON.stringify(z.prompt)}`,
    `    options: ${JSON.stringify(z.options)}`,
    `    answer: ${z.answer}`,
    `    explanation: ${JSON.stringify(z.explanation)}`,
    ...(z.sources ? [`    sources: ${JSON.stringify(z.sources)}`] : []),
    ...(z.recheck ? [`    recheck: '${z.recheck}'`] : []),
  ]);
  return `${[...head, ...items, '---', '', q.body ?? '参考答案。'].join('\n')}\n`;
}
