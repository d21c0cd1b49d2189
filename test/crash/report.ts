import type { CrashResult } from './crash-rig.js';

/** The figures of a crash-point run; printed only when CRASH_REPORT is set (a green run stays quiet). */
export class CrashReport {
  private readonly rows: string[] = [];

  constructor(private readonly platform: string) {}

  add(what: string, result: Pick<CrashResult, 'posts'> & Partial<CrashResult> & { closeMs?: number }): void {
    // Per step: messages on the platform (calls that tried to post it); then history lookups.
    const counts = Object.entries(result.posts)
      .map(([step, n]) => `${step.split(':')[0]}=${n}${result.calls ? ` (${result.calls[step]} calls)` : ''}`)
      .join(' ');
    const lookups = result.lookups ? `, ${result.lookups} lookups` : '';
    const ms = result.recoveryMs ?? result.closeMs;
    this.rows.push(
      `${this.platform} | ${what} | ${counts}${lookups} | ${ms === undefined ? '' : `${ms} ms`}`,
    );
  }

  print(): void {
    if (process.env.CRASH_REPORT) process.stdout.write(`\n${this.rows.join('\n')}\n`);
  }
}
