import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPILED, type Launch, PROD_FLAGS } from '../../test/support/bot-process.js';
import { ROOT } from '../../test/support/run-cli.js';
import { fmt, median } from '../support.js';
import { readProfile, topFrames } from './cpu-profile.js';
import { plainNodeEntry } from './plain-node.js';

/** The press benches' shared knobs (environment overrides for quick runs). */
export const PRESS_BENCH = {
  players: Number(process.env.PLAYERS ?? 500),
  inFlight: Number(process.env.IN_FLIGHT ?? 100),
  runs: Number(process.env.RUNS ?? 3),
  profile: process.env.PROFILE === '1',
};

export interface PressApp {
  name: string;
  launch: Launch;
  isBot: boolean;
}

/**
 * What a press bench compares, side by side in one run: the bare app with plain node and with
 * the flags the image uses, and k8s-quiz as shipped (built first, so the compiled app is fresh).
 */
export function pressApps(bareFile: string, bareName: string): PressApp[] {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const flags = PROD_FLAGS.join(' ');
  const bareScript = plainNodeEntry(join(ROOT, bareFile));
  return [
    {
      name: `${bareName} (node)`,
      launch: { command: process.execPath, args: [bareScript], cwd: ROOT },
      isBot: false,
    },
    {
      name: `${bareName} (node ${flags})`,
      launch: { command: process.execPath, args: [...PROD_FLAGS, bareScript], cwd: ROOT },
      isBot: false,
    },
    { name: 'k8s-quiz as shipped (node start:prod)', launch: COMPILED, isBot: true },
    ...trialFlags(),
  ];
}

/**
 * TRY_FLAGS="--a --b" adds k8s-quiz under those node flags as a fourth app, in the same runs:
 * a V8 flag is judged side by side with the shipped one, not against another run's figures.
 */
function trialFlags(): PressApp[] {
  const flags = process.env.TRY_FLAGS?.split(' ').filter(Boolean);
  if (!flags?.length) return [];
  const launch = { ...COMPILED, args: [...flags, ...COMPILED.args.filter((a) => !PROD_FLAGS.includes(a))] };
  return [{ name: `k8s-quiz (node ${flags.join(' ')})`, launch, isBot: true }];
}

/** The figures every press bench measures per run (a bench may add its own). */
export interface PressFigures {
  ackP50: number;
  ackP99: number;
  peakMb: number;
  /** The app's CPU time (user + system) for the whole burst, per press: steadier than latency on a busy machine. */
  cpuMsPerPress: number;
  allAnsweredMs: number;
  /** Monotonic µs of the burst, for the profile window. */
  fromUs: number;
  toUs: number;
}

/** One line per bare app: k8s-quiz's medians over the bare app's, against the 1.3× goal. */
export function printGoals(apps: PressApp[], runs: Map<PressApp, PressFigures[]>): void {
  const bot = apps[2] as PressApp;
  const pick = (app: PressApp, f: (r: PressFigures) => number) => (runs.get(app) ?? []).map(f);
  for (const base of apps.slice(0, 2)) {
    const ratio = (f: (r: PressFigures) => number) => median(pick(bot, f)) / median(pick(base, f));
    const verdict = (x: number) => `${fmt(x)}× (${x <= 1.3 ? 'met' : 'NOT met'})`;
    console.log(
      `goal ≤ 1.3× — k8s-quiz / ${base.name}: ack p99 ${verdict(ratio((r) => r.ackP99))}, peak RSS ${verdict(ratio((r) => r.peakMb))}; ack p50 ${fmt(ratio((r) => r.ackP50))}×, CPU/press ${fmt(ratio((r) => r.cpuMsPerPress))}×, all answered ${fmt(ratio((r) => r.allAnsweredMs))}×`,
    );
  }
}

/** PROFILE=1: one more burst each for the plain bare app and k8s-quiz under --cpu-prof, top frames printed. */
export async function printProfiles(
  apps: PressApp[],
  pressRun: (app: PressApp, profileDir: string) => Promise<PressFigures>,
): Promise<void> {
  for (const app of [apps[0] as PressApp, apps[2] as PressApp]) {
    const dir = mkdtempSync(join(tmpdir(), 'k8sq-prof-'));
    const run = await pressRun(app, dir);
    const { frames, busyMs } = topFrames(readProfile(dir), run.fromUs, run.toUs, 15);
    console.log(
      `\nCPU profile of the burst — ${app.name}: ${fmt(busyMs, 0)} ms busy (self time, share of busy)`,
    );
    for (const f of frames)
      console.log(`  ${fmt(f.ms, 1).padStart(7)} ms ${fmt(100 * f.share, 1).padStart(5)} %  ${f.name}`);
    // PROFILE_KEEP=1 leaves the .cpuprofile (Chrome DevTools opens it) and says where.
    if (process.env.PROFILE_KEEP === '1') console.log(`  kept: ${dir} (burst ${run.fromUs}–${run.toUs} µs)`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
