import { fstatSync } from 'node:fs';

/**
 * What the playground reads from: a person at a terminal, a piped or redirected script, or
 * nothing (a container without `-i`: stdin is /dev/null or closed) — then it cannot run.
 */
export function stdinKind(): 'terminal' | 'script' | 'none' {
  if (process.stdin.isTTY) return 'terminal';
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile() || stat.isSocket() ? 'script' : 'none';
  } catch {
    return 'none';
  }
}
