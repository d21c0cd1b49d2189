import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { COMPILED, type Launch } from '../../test/support/bot-process.js';
import { ROOT } from '../../test/support/run-cli.js';
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
 * the flag the image uses, and k8s-quiz as shipped (built first, so the compiled app is fresh).
 */
export function pressApps(bareFile: string, bareName: string): PressApp[] {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const SMALL = '--optimize-for-size';
  const bareScript = plainNodeEntry(join(ROOT, bareFile));
  return [
    {
      name: `${bareName} (node)`,
      launch: { command: process.execPath, args: [bareScript], cwd: ROOT },
      isBot: false,
    },
    {
      name: `${bareName} (node ${SMALL})`,
      launch: { command: process.execPath, args: [SMALL, bareScript], cwd: ROOT },
      isBot: false,
    },
    { name: `k8s-quiz as shipped (node ${SMALL})`, launch: COMPILED, isBot: true },
  ];
}
