import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

/** A node process with the bot's guards installed that then misbehaves. */
function misbehave(code: string) {
  const script = `
    import { guardProcess } from './src/ops/process-guards.ts';
    import { createLogger } from './src/ops/logger.ts';
    guardProcess(createLogger({ level: 'info', fd: 1, secrets: [], pretty: false }));
    ${code}
    setTimeout(() => { console.log(JSON.stringify({ msg: 'still running' })); process.exit(0); }, 300);
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = run.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: run.status, lines, stderr: run.stderr };
}

describe('last-resort handlers', () => {
  it('GIVEN a promise rejected with nobody listening THEN one log line with the error and where, and the process keeps running', () => {
    const run = misbehave(`Promise.reject(new TypeError('boom from a library'));`);
    expect(run.status).toBe(0);
    const logged = run.lines.filter((l) => /unhandled promise rejection/.test(String(l.msg)));
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.err)).toMatch(/^TypeError: boom from a library \(at /);
    expect(run.lines.at(-1)?.msg).toBe('still running');
  });

  it('GIVEN an exception thrown from a callback THEN one log line and the process keeps running', () => {
    const run = misbehave(`setTimeout(() => { throw new Error('thrown in a timer'); }, 10);`);
    expect(run.status).toBe(0);
    const logged = run.lines.filter((l) => /uncaught exception/.test(String(l.msg)));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ origin: 'uncaughtException' });
    expect(run.lines.at(-1)?.msg).toBe('still running');
  });
});
