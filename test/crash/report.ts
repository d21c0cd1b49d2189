import type { CrashResult } from './crash-rig.js';

/** The figures of a crash-point run; printed only when CRASH_REPORT is set (a green run stays quiet). */
export class CrashReport {
  private readonly rows: string[] = [];

  constructor(private readonly platform: string) {}

  add(what: string, result: Pick<CrashResult, 'posts'> & { recoveryMs?: number; closeMs?: number }): void {
    const counts = Object.entries(result.posts)
      .map(([step, n]) => `${step.split(':')[0]}=${n}`)
      .join(' ');
    const ms = result.recoveryMs ?? result.closeMs;
    this.rows.push(`${this.platform} | ${what} | ${counts} | ${ms === undefined ? '' : `${ms} ms`}`);
  }

  print(): void {
    if (process.env.CRASH_REPORT) process.stdout.write(`\n${this.rows.join('\n')}\n`);
  }
}
