import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { join, posix, relative } from 'node:path';
import dockerignore from '@balena/dockerignore';
import { type DockerfilePlan, readDockerfilePlan, type Stage } from './dockerfile-plan.js';

/** The runtime stage's file tree, as `docker build` would leave it, and how to run it. */
export interface ReplayedImage {
  plan: DockerfilePlan;
  /** The runtime stage's `/` on this machine. */
  root: string;
  /** Its WORKDIR (where CMD runs). */
  appDir: string;
  /** A PATH holding only `node`, like the image (no redis-server, no curl). */
  path: string;
  /** Seconds each RUN took, by stage and line. */
  timings: { stage: string; line: number; command: string; seconds: number }[];
}

/**
 * Builds the Dockerfile's stages without a Docker engine: each stage gets its own folder as
 * its `/`; COPY takes from the build context (minus .dockerignore) or from an earlier stage;
 * RUN runs the same shell command in the stage's WORKDIR (npm may use its cache). The result
 * is exactly the file set the runtime stage would hold.
 */
export async function replayImage(context: string, into: string): Promise<ReplayedImage> {
  const plan = readDockerfilePlan(join(context, 'Dockerfile'));
  const ignore = dockerignoreOf(context);
  const roots = new Map<string, string>();
  const timings: ReplayedImage['timings'] = [];
  chmodSync(into, 0o755); // mkdtemp makes it 0700; the image's user must reach the files
  for (const [index, stage] of plan.stages.entries()) {
    const root = join(into, `${index}-${stage.name}`);
    mkdirSync(root, { mode: 0o755 });
    roots.set(stage.name, root);
    await runStage(stage, root, { context, ignore, roots, timings });
  }
  const root = roots.get(plan.runtime.name) ?? '';
  const bin = join(into, 'bin');
  mkdirSync(bin, { mode: 0o755 });
  symlinkSync(process.execPath, join(bin, 'node'));
  return { plan, root, appDir: join(root, plan.image.workdir), path: bin, timings };
}

interface StageContext {
  context: string;
  ignore: (path: string) => boolean;
  roots: Map<string, string>;
  timings: ReplayedImage['timings'];
}

async function runStage(stage: Stage, root: string, ctx: StageContext): Promise<void> {
  let workdir = '/';
  const env: Record<string, string> = {};
  const inStage = (path: string) => join(root, posix.resolve(workdir, path));
  for (const step of stage.steps) {
    if (step.kind === 'workdir') {
      workdir = posix.resolve(workdir, step.path);
      mkdirSync(inStage('.'), { recursive: true, mode: 0o755 });
    } else if (step.kind === 'env') env[step.name] = step.value;
    else if (step.kind === 'copy') {
      const into = step.dest.endsWith('/') || step.sources.length > 1;
      for (const source of step.sources) {
        const from = step.from
          ? sourceInStage(ctx.roots, step.from, source, step.line)
          : join(ctx.context, source);
        if (!existsSync(from))
          throw new Error(`Dockerfile:${step.line}: COPY source ${source} does not exist`);
        if (!step.from && ctx.ignore(source))
          throw new Error(`Dockerfile:${step.line}: COPY ${source} is excluded by .dockerignore`);
        const target =
          into && !statSync(from).isDirectory()
            ? join(inStage(step.dest), posix.basename(source))
            : inStage(step.dest);
        const filter = step.from
          ? undefined
          : (path: string) => !ctx.ignore(relative(ctx.context, path).split('\\').join('/'));
        cpSync(from, target, { recursive: true, ...(filter ? { filter } : {}) });
      }
    } else {
      const started = performance.now();
      await sh(step.command, inStage('.'), { ...process.env, ...env }, `Dockerfile:${step.line}`);
      ctx.timings.push({
        stage: stage.name,
        line: step.line,
        command: step.command,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
}

function sourceInStage(roots: Map<string, string>, stage: string, source: string, line: number): string {
  const root = roots.get(stage);
  if (!root) throw new Error(`Dockerfile:${line}: COPY --from=${stage}: no earlier stage of that name`);
  if (!source.startsWith('/')) throw new Error(`Dockerfile:${line}: COPY --from needs an absolute path`);
  return join(root, source);
}

function dockerignoreOf(context: string): (path: string) => boolean {
  const file = join(context, '.dockerignore');
  const rules = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // A CommonJS module: its function is also its `default`, which is what the types describe.
  const ig = dockerignore.default().add(rules.split('\n'));
  return (path: string) => path !== '' && ig.ignores(path);
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${where}: RUN ${command} exited ${code}:\n${output}`)),
    );
  });
}

/** Bytes of the files under a path (symlinks as links), like `du -sb` without directory blocks. */
export function sizeOf(path: string): number {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((entry) => lstatSync(join(path, entry)))
    .filter((s) => !s.isDirectory())
    .reduce((sum, s) => sum + s.size, 0);
}
