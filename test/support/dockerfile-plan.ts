import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Copy, DockerfileParser, type Env, type From } from 'dockerfile-ast';

/** One build step of a stage, as the replay carries it out. */
export type Step =
  | { kind: 'workdir'; path: string; line: number }
  | { kind: 'copy'; from?: string; sources: string[]; dest: string; line: number }
  | { kind: 'run'; command: string; line: number }
  | { kind: 'env'; name: string; value: string; line: number };

export interface Stage {
  name: string;
  image: string;
  steps: Step[];
}

/** What the last stage says about running the image. */
export interface ImageConfig {
  env: Record<string, string>;
  workdir: string;
  user?: string;
  cmd: string[];
  healthcheck?: { cmd: string[]; flags: Record<string, string> };
  stopSignal?: string;
  exposed: number[];
}

export interface DockerfilePlan {
  stages: Stage[];
  runtime: Stage;
  image: ImageConfig;
}

/**
 * Reads the Dockerfile into stages and steps (dockerfile-ast does the lexing: comments,
 * continuations, flags). Anything the replay cannot carry out faithfully — an instruction it
 * does not know, a shell-form CMD, COPY --chown, ADD — is an error, not something skipped.
 */
export function readDockerfilePlan(file: string): DockerfilePlan {
  const dockerfile = DockerfileParser.parse(readFileSync(file, 'utf8'));
  const stages: Stage[] = [];
  let image: ImageConfig = { env: {}, workdir: '/', cmd: [], exposed: [] };
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    const line = instruction.getRange().start.line + 1;
    const args = instruction.getArguments().map((a) => a.getValue());
    const fail = (why: string): never => {
      throw new Error(`${file}:${line}: ${keyword}: ${why}`);
    };
    if (keyword === 'FROM') {
      const from = instruction as From;
      const name = from.getBuildStage() ?? `stage${stages.length}`;
      stages.push({ name, image: from.getImage() ?? fail('no image'), steps: [] });
      image = { env: {}, workdir: '/', cmd: [], exposed: [] };
      continue;
    }
    const stage = stages.at(-1) ?? fail('before FROM');
    const rest = instruction.getArgumentsContent() ?? '';
    switch (keyword) {
      case 'WORKDIR':
        image.workdir = args[0] ?? fail('no path');
        stage.steps.push({ kind: 'workdir', path: image.workdir, line });
        break;
      case 'COPY': {
        // dockerfile-ast keeps flags apart from the arguments.
        const copy = instruction as Copy;
        const other = copy.getFlags().filter((f) => f.getName() !== 'from');
        if (other.length > 0) fail(`flags the replay does not model: ${other.map(String).join(' ')}`);
        const paths = args;
        if (paths.length < 2) fail('needs a source and a destination');
        const from = copy.getFromFlag()?.getValue() ?? undefined;
        const dest = paths.at(-1) ?? '';
        stage.steps.push({
          kind: 'copy',
          ...(from ? { from } : {}),
          sources: paths.slice(0, -1),
          dest,
          line,
        });
        break;
      }
      case 'RUN':
        if (rest.trim().startsWith('[')) fail('exec form is not modelled; use the shell form');
        stage.steps.push({ kind: 'run', command: rest, line });
        break;
      case 'ENV':
        for (const p of (instruction as Env).getProperties()) {
          const value = p.getUnescapedValue() ?? '';
          image.env[p.getName()] = value;
          stage.steps.push({ kind: 'env', name: p.getName(), value, line });
        }
        break;
      case 'USER':
        image.user = args[0] ?? fail('no user');
        break;
      case 'EXPOSE':
        image.exposed.push(...args.map((a) => Number(a.split('/')[0])));
        break;
      case 'STOPSIGNAL':
        image.stopSignal = args[0] ?? fail('no signal');
        break;
      case 'CMD':
        image.cmd = execForm(rest, fail);
        break;
      case 'HEALTHCHECK': {
        const at = rest.indexOf('CMD');
        if (at < 0) fail('only HEALTHCHECK … CMD [...] is modelled');
        const flags = Object.fromEntries(
          [...rest.slice(0, at).matchAll(/--([a-z-]+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
        );
        image.healthcheck = { cmd: execForm(rest.slice(at + 3), fail), flags };
        break;
      }
      default:
        fail('not modelled by the image replay (test/support/dockerfile-plan.ts)');
    }
  }
  const runtime = stages.at(-1);
  if (!runtime) throw new Error(`${file}: no FROM`);
  return { stages, runtime, image };
}

/** `["node", "dist/main.js"]`: the exec form, so signals reach node directly. */
function execForm(text: string, fail: (why: string) => never): string[] {
  try {
    const parsed: unknown = JSON.parse(text.trim());
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
  } catch {
    // reported below
  }
  return fail(`not an exec-form JSON array: ${text.trim()}`);
}

export const dockerfilePath = (root: string) => join(root, 'Dockerfile');
