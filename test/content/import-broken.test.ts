import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'k8sq-broken-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bank with one of every problem the importer must name; line numbers are in the comments. */
const BROKEN = [
  '# 面试题', //                                   1
  '', //                                           2
  '## 基础概念', //                                 3
  '', //                                           4
  '### Q: 什么是Pod', //                            5
  '**A:** Pod 是最小的调度单元。', //                6
  '', //                                           7
  '### Q：全角冒号的问题', //                        8
  '**A:** 也能导入。', //                           9
  '', //                                          10
  '### Q: 没有答案的问题', //                       11
  '', //                                          12
  '### Q: 什么是Pod', //                           13
  '**A:** 另一个不同的答案。', //                   14
  '', //                                          15
  '### Q: 什么是Pod', //                           16
  '**A:** Pod 是最小的调度单元。', //               17
  '', //                                          18
  '## 空分类', //                                  19
  '', //                                          20
  '## 网络相关', //                                 21
  '', //                                          22
  '### Q: 代码块没有结束', //                       23
  '**A:** 看代码：', //                             24
  '', //                                          25
  '```yaml', //                                   26
  'kind: Pod', //                                 27
  '', //                                          28
  '### Q: 被吞掉的问题', //                         29
  '**A:** 这一段会被当成代码。', //                 30
].join('\n');

describe('content import of a broken bank', () => {
  const file = join(dir, 'broken.md');
  writeFileSync(file, BROKEN);
  const out = join(dir, 'out');

  it('GIVEN every kind of problem THEN it exits non-zero and names every bad line as file:line', () => {
    const run = runCli(['content', 'import', file, '--out', out]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const at = (n: number) => lines.filter((l) => l.startsWith(`${file}:${n}: `));
    expect(at(11).join()).toMatch(/no answer/);
    expect(at(13).join()).toMatch(/different answer.*line 5/);
    expect(at(16).join()).toMatch(/repeats line 5; dropped/);
    expect(at(19).join()).toMatch(/空分类.*no questions/);
    expect(at(26).join()).toMatch(/never closed.*line 29/);
    expect(at(23).join()).toMatch(/never closed/);
  });

  it('GIVEN the same bank THEN only the clean entries are written, the full-width colon included', () => {
    const run = runCli(['content', 'import', file, '--out', join(dir, 'out2'), '--json']);
    const report = JSON.parse(run.stdout);
    expect(report.imported.map((q: { title: string }) => q.title).sort()).toEqual([
      '什么是Pod',
      '全角冒号的问题',
    ]);
    expect(readdirSync(join(dir, 'out2', 'basics')).length).toBe(2);
    expect(report.dropped).toEqual([{ line: 16, title: '什么是Pod', repeatOf: 5 }]);
    expect(report.problems.map((p: { line: number }) => p.line)).toEqual([11, 13, 19, 23, 26]);
  });

  it('GIVEN a file that does not exist THEN it says so without a stack trace', () => {
    const run = runCli(['content', 'import', join(dir, 'missing.md'), '--out', out]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('missing.md');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
