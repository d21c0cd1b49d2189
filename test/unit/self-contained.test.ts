import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the repository stands alone', () => {
  it('GIVEN every tracked file THEN none refers to a sibling shared/ folder', () => {
    const sibling = ['..', 'shared'].join('/');
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const offenders = files.filter((file) => {
      try {
        return read(file).includes(sibling);
      } catch {
        return false; // deleted in the work tree, or a directory entry
      }
    });
    expect(offenders).toEqual([]);
  });

  it('GIVEN the project files THEN the licence, the changelog and the architecture are there and linked', () => {
    const pkg = JSON.parse(read('package.json')) as { license: string; version: string };
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} k8s-quiz contributors/);
    const changelog = read('CHANGELOG.md');
    expect(changelog).toMatch(/^## Unreleased$/m);
    expect(changelog).toMatch(/^## 0\.1\.0 - \d{4}-\d\d-\d\d$/m);
    expect(read('README.md')).toContain('(docs/ARCHITECTURE.md)');
    expect(read('docs/ARCHITECTURE.md')).toMatch(/^# How k8s-quiz is built/);
  });
});
