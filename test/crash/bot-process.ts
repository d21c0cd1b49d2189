import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/run-cli.js';

/**
 * The command `npm start` runs, read from package.json and spawned directly, so the pid we
 * SIGKILL is the bot's own node process (npm would stand between and outlive it).
 */
export function startCommand(): { command: string; args: string[] } {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts;
  const words = scripts.start.trim().split(/\s+/);
  if (words[0] === 'exec') words.shift();
  const [first = '', ...args] = words;
  if (first !== 'node') throw new Error(`npm start does not run node directly: ${scripts.start}`);
  return { command: process.execPath, args };
}

/** One life of the bot process: started like `npm start`, killed with SIGKILL, restarted. */
export class BotProcess {
  /** Everything the bot wrote (its log lines, stdout and stderr), over all its lives. */
  log = '';
  /** When the current life was spawned (ms). */
  startedAt = 0;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly env: Record<string, string>) {}

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) throw new Error('the bot is already running');
    const { command, args } = startCommand();
    this.startedAt = Date.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.log += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
  }

  /** kill -9, resolved once the process is gone. */
  async kill(): Promise<void> {
    if (!this.running) return this.exited;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Resolves when the current life ends (e.g. a crash hook killed it). */
  whenExited(): Promise<void> {
    return this.exited;
  }

  /** Log lines of the bot whose message contains `text`. */
  logged(text: string): string[] {
    return this.log.split('\n').filter((line) => line.includes(text));
  }
}
