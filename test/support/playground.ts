import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Pipes a script into `npm start`'s entry point and collects the transcript. */
export function playground(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd = ROOT,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [join(ROOT, 'src/main.ts')], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(script);
  });
}
