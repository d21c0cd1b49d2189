import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompiledBank } from '../../src/content/compiled-bank.js';
import { bankFiles, compileContent, loadBank } from '../../src/content/load-bank.js';

const work = mkdtempSync(join(tmpdir(), 'k8sq-compiled-bank-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What `npm run build` does for a folder: its compiled bank, written to a file of the test's own. */
async function build(dir: string, name: string): Promise<string> {
  const compiled = await compileContent(dir);
  if (!compiled.ok) throw new Error('the bank should compile');
  const path = join(work, name);
  writeFileSync(path, compiled.value);
  return path;
}

describe('the compiled bank (npm run build → dist/content/bank.json)', () => {
  it('GIVEN the shipped content THEN the compiled bank is the bank the Markdown makes, field for field', async () => {
    const path = await build('content', 'shipped.json');
    const compiled = await readCompiledBank('content', await bankFiles('content'), path);
    const parsed = await loadBank('content');
    if (!parsed.ok) throw new Error('the shipped bank should load');
    expect(compiled).toBeDefined();
    expect(compiled?.categories).toEqual(parsed.value.categories);
    expect(compiled?.questions).toEqual(parsed.value.questions);
    expect(compiled?.quizzes.map((q) => q.id)).toEqual(parsed.value.quizzes.map((q) => q.id));
  });

  it('GIVEN a content file changed after the build THEN the compiled bank is not used (the Markdown is read)', async () => {
    const dir = join(work, 'content');
    cpSync('content', dir, { recursive: true });
    const path = await build(dir, 'copy.json');
    expect(await readCompiledBank(dir, await bankFiles(dir), path)).toBeDefined();
    const [, first] = await bankFiles(dir);
    await appendFile(first as string, '\nOne more line.\n');
    expect(await readCompiledBank(dir, await bankFiles(dir), path)).toBeUndefined();
  });

  it('GIVEN no compiled bank THEN none is read', async () => {
    expect(
      await readCompiledBank('content', await bankFiles('content'), join(work, 'absent.json')),
    ).toBeUndefined();
  });

  it('GIVEN an invalid question THEN the build fails naming the file, line and field', async () => {
    const dir = join(work, 'broken');
    cpSync('content', dir, { recursive: true });
    const [, first] = await bankFiles(dir);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(first as string, 'utf8').replace(/^difficulty: .*$/m, 'difficulty: 9');
    writeFileSync(first as string, text);
    const compiled = await compileContent(dir);
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.error[0]?.file).toMatch(/broken\/questions\/.*\.md$/);
    expect(compiled.error[0]?.line).toBeGreaterThan(1);
    expect(compiled.error[0]?.field).toBe('difficulty');
  });
});
