import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './redis-server.js';
import { ROOT } from './run-cli.js';

/** One JSON log line of the bot. */
export type LogRecord = { level: number; msg: string; time: number } & Record<string, unknown>;

export interface StartOptions {
  /** `npm start` exactly as a user types it (default: node with the tsx loader, as npm start runs). */
  viaNpm?: boolean;
  /** PORT for the HTTP server (default: a free one). */
  port?: number;
  /** Standard input: a file descriptor, or 'ignore' (default: a pipe). */
  stdin?: 'pipe' | 'ignore' | number;
  /** Another way to run it (the compiled app, the replayed image); default: node with tsx from the repo. */
  launch?: Launch;
}

export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  /** Only the given environment (plus PORT): no PATH or HOME from this process. */
  exactEnv?: boolean;
  /** Run as this user (the test must be root to switch). */
  uid?: number;
  gid?: number;
}

/**
 * The command an npm script runs, read from package.json and spawned directly, so the pid is
 * the bot's own node process (npm would stand between and outlive a SIGKILL).
 */
function scriptLaunch(name: 'start' | 'start:prod'): Launch {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = scripts[name] ?? '';
  const words = script.trim().split(/\s+/);
  if (words[0] === 'exec') words.shift();
  const [first, ...args] = words;
  if (first !== 'node') throw new Error(`npm run ${name} does not run node directly: ${script}`);
  return { command: process.execPath, args, cwd: ROOT };
}

/** What `npm start` runs. */
export const npmStartLaunch = (): Launch => scriptLaunch('start');

/**
 * The compiled app (`npm run build` first), the way production starts it: `npm run
 * start:prod`, whose node flags the Dockerfile's CMD and the systemd unit repeat (the image
 * test holds them to it).
 */
export const COMPILED: Launch = scriptLaunch('start:prod');

/** The node flags production runs with (the V8 tuning of start:prod), for a like-for-like baseline. */
export const PROD_FLAGS: readonly string[] = COMPILED.args.filter((arg) => arg.startsWith('--'));

/**
 * The real bot as a child process, with only the environment given (plus PATH and HOME):
 * its stdout parsed as JSON log lines, its HTTP port known.
 */
export class BotProcess {
  readonly logs: LogRecord[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly signalAt = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString();
      partial += chunk.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogRecord);
        } catch {
          // not a log line (the playground's chat)
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
  }

  static async start(env: Record<string, string>, options: StartOptions = {}): Promise<BotProcess> {
    const port = options.port ?? (await freePort());
    const launch: Launch = options.launch ?? {
      command: options.viaNpm ? 'npm' : process.execPath,
      args: options.viaNpm ? ['start', '--silent'] : ['--import', 'tsx', 'src/main.ts'],
      cwd: ROOT,
    };
    const inherited = launch.exactEnv ? {} : { PATH: process.env.PATH, HOME: process.env.HOME };
    const child = spawn(launch.command, launch.args, {
      cwd: launch.cwd,
      env: { ...inherited, PORT: String(port), ...env },
      stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
      ...(launch.uid !== undefined ? { uid: launch.uid } : {}),
      ...(launch.gid !== undefined ? { gid: launch.gid } : {}),
    });
    return new BotProcess(child, port);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** GET on the bot's server; status 0 when nothing answers. */
  async get(path: string): Promise<{ status: number; text: string }> {
    try {
      const res = await fetch(this.url(path), { signal: AbortSignal.timeout(5000) });
      return { status: res.status, text: await res.text() };
    } catch {
      return { status: 0, text: '' };
    }
  }

  /** Polls /readyz until 200; resolves with the milliseconds it took from now. */
  async waitReady(timeoutMs = 30_000): Promise<number> {
    const started = Date.now();
    await this.waitFor(
      '/readyz to answer 200',
      async () => (await this.get('/readyz')).status === 200,
      timeoutMs,
    );
    return Date.now() - started;
  }

  waitForLog(what: string, match: (log: LogRecord) => boolean, timeoutMs = 20_000): Promise<LogRecord> {
    return this.waitFor(`log: ${what}`, () => this.logs.find(match), timeoutMs);
  }

  async waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      if (!this.alive)
        throw new Error(`bot exited (${this.child.exitCode}) waiting for ${what}:\n${this.stderr}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\nstderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  signal(signal: NodeJS.Signals): number {
    const at = Date.now();
    this.signalAt.set(signal, at);
    this.child.kill(signal);
    return at;
  }

  /** Ends the process if it still runs (SIGKILL) and waits for it. */
  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }
}

/**
 * Runs the bot to its end (a start-up that fails), stdin closed. A bot that hangs is killed
 * after `timeoutMs` and reports code null, which no test expects.
 */
export async function runBot(
  env: Record<string, string>,
  timeoutMs = 60_000,
  launch?: Launch,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const bot = await BotProcess.start(env, { stdin: 'ignore', ...(launch ? { launch } : {}) });
  const timer = setTimeout(() => bot.child.kill('SIGKILL'), timeoutMs);
  const code = await bot.exited;
  clearTimeout(timer);
  return { code, stdout: bot.stdout, stderr: bot.stderr, ms: Date.now() - started };
}

/** Whether a process runs (zombies of ours count as gone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** The pids of redis-server processes working in `dir` (redis-server chdirs to its --dir; Linux /proc). */
export function redisServersUsing(dir: string): number[] {
  const target = realpathSync(dir);
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('redis-server')) continue;
      if (readlinkSync(`/proc/${entry}/cwd`) === target) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids.filter(isRunning);
}
