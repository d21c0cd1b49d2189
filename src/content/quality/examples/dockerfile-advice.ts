import { DockerfileParser, type From } from 'dockerfile-ast';

/**
 * Dockerfiles in reference answers follow the advice the bank teaches about images. Modest on
 * purpose — a few rules the answers state, not a general linter:
 * - every base image is pinned: a version tag or a digest, never `latest` or no tag;
 * - the final stage does not run on a build image: never `golang`, `rust`, `maven`, `gradle`;
 *   `node`, `python`, `openjdk`, `ruby` only as `-slim`/`-alpine`/`-jre` variants;
 * - `apt-get install` cleans `/var/lib/apt/lists` in the same RUN; `apk add` uses `--no-cache`;
 * - when the answer tells readers to run as non-root, the final stage sets a non-root USER
 *   (or uses a `nonroot` image).
 * A block without FROM is a fragment: only the RUN rules apply.
 */
const BUILD_IMAGES = new Set(['golang', 'rust', 'maven', 'gradle']);
const FULL_RUNTIME_IMAGES = new Set(['node', 'python', 'openjdk', 'ruby']);
const SMALL_VARIANT = /slim|alpine|jre|distroless/;
/** The answer asks for a non-root user. */
export const TEACHES_NON_ROOT = /非\s*root|non-?root|以\s*root\s*以外/i;

export interface DockerfileFinding {
  /** Line within the block (1-based). */
  line: number;
  message: string;
}

export function lintDockerfile(code: string, teachesNonRoot: boolean): DockerfileFinding[] {
  const dockerfile = DockerfileParser.parse(code);
  const findings: DockerfileFinding[] = [];
  const at = (line: number, message: string) => findings.push({ line: line + 1, message });
  const froms = dockerfile.getFROMs();
  const stages = new Map(froms.flatMap((f) => (f.getBuildStage() ? [[f.getBuildStage() as string, f]] : [])));

  for (const from of froms) {
    const name = from.getImageName() ?? '';
    if (name === 'scratch' || stages.has(name) || name.includes('$')) continue;
    const tag = from.getImageTag();
    if (!from.getImageDigest() && (!tag || tag === 'latest')) {
      at(
        from.getRange().start.line,
        `pin ${from.getImage()} to a version tag or digest, not ${tag ?? 'no tag'}`,
      );
    }
  }
  const final = finalImage(froms.at(-1), stages);
  if (final) {
    const base = (final.getImageName() ?? '').split('/').at(-1) ?? '';
    const tag = final.getImageTag() ?? '';
    if (BUILD_IMAGES.has(base) || (FULL_RUNTIME_IMAGES.has(base) && !SMALL_VARIANT.test(tag))) {
      at(
        (froms.at(-1) as From).getRange().start.line,
        `the final stage runs on ${final.getImage()}, a build image: copy the result into a small runtime image`,
      );
    }
    if (teachesNonRoot && !runsAsNonRoot(dockerfile, final)) {
      at(
        (froms.at(-1) as From).getRange().start.line,
        'the answer says to run as non-root: set USER in the final stage',
      );
    }
  }
  for (const run of dockerfile.getInstructions().filter((i) => i.getKeyword() === 'RUN')) {
    const args = run.getArgumentsContent() ?? '';
    const line = run.getRange().start.line;
    if (/apt-get\s+(?:-\S+\s+)*install/.test(args) && !args.includes('/var/lib/apt/lists')) {
      at(
        line,
        'apt-get install without rm -rf /var/lib/apt/lists/* in the same RUN keeps the package lists in the layer',
      );
    }
    if (/apk\s+add/.test(args) && !args.includes('--no-cache')) {
      at(line, 'apk add without --no-cache keeps the package index in the layer');
    }
  }
  return findings;
}

/** The image the last stage is built on, following `FROM <earlier stage>`. */
function finalImage(last: From | undefined, stages: Map<string, From>): From | undefined {
  let from = last;
  const seen = new Set<From>();
  while (from && stages.has(from.getImageName() ?? '') && !seen.has(from)) {
    seen.add(from);
    from = stages.get(from.getImageName() ?? '');
  }
  return from;
}

function runsAsNonRoot(dockerfile: ReturnType<typeof DockerfileParser.parse>, final: From): boolean {
  if (/nonroot/.test(final.getImageTag() ?? '')) return true;
  const lastFromLine = dockerfile.getFROMs().at(-1)?.getRange().start.line ?? 0;
  const users = dockerfile
    .getInstructions()
    .filter((i) => i.getKeyword() === 'USER' && i.getRange().start.line > lastFromLine);
  const user = users.at(-1)?.getArgumentsContent()?.trim() ?? '';
  return user !== '' && !/^(?:root|0)(?::|$)/.test(user);
}
