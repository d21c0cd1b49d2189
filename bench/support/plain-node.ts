import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../../test/support/run-cli.js';

/**
 * A one-file TypeScript program (bench/bare-bolt.ts) as JavaScript that plain `node` runs,
 * so the baseline carries no tsx loader either. Written under node_modules/.cache, where its
 * package imports resolve from the project's node_modules.
 */
export function plainNodeEntry(tsFile: string): string {
  const { outputText } = ts.transpileModule(readFileSync(tsFile, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const dir = join(ROOT, 'node_modules', '.cache', 'k8s-quiz-bench');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, basename(tsFile).replace(/\.ts$/, '.mjs'));
  writeFileSync(out, outputText);
  return out;
}
