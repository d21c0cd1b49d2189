import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) read here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    parent?: number;
    children?: number[];
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Frame {
  /** `function file:line`, or `(package) name` for code under node_modules. */
  name: string;
  /** Self time in the window, ms. */
  ms: number;
  share: number;
}

/** The monotonic clock in µs, the clock V8 stamps profile samples with (CLOCK_MONOTONIC on Linux). */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** The one `.cpuprofile` node wrote into `dir` on exit. */
export function readProfile(dir: string): CpuProfile {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir} (did the process exit cleanly?)`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}

const where = (url: string, line: number) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return `(${pkg})`;
  const file = url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
  return file ? `${file}:${line + 1}` : '';
};

/**
 * Self time per frame for the samples taken between `fromUs` and `toUs` (monotonic µs, see
 * `monotonicUs`), largest first, as shares of the busy time (`(idle)`, V8's name for waiting, is
 * left out; `(program)` is time outside JavaScript). Frames in one package are summed under the package name.
 */
export function topFrames(
  profile: CpuProfile,
  fromUs: number,
  toUs: number,
  count = 12,
): { frames: Frame[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const next = t + (profile.timeDeltas[i + 1] ?? 0);
    if (t < fromUs || t > toUs) continue;
    const node = byId.get(profile.samples[i] as number);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = where(url, lineNumber);
    const name = place.startsWith('(') ? place : `${functionName || '(anonymous)'} ${place}`.trim();
    const us = Math.max(0, next - t);
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  }
  const busy = total - (self.get('(idle)') ?? 0);
  self.delete('(idle)');
  const frames = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: busy ? us / busy : 0 }));
  return { frames, busyMs: busy / 1000 };
}
