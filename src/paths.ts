import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's root — the folder holding package.json, `content/` and `config/` — found from
 * this file's own location, so the bot starts from any working directory, from `src/`
 * under tsx as well as from a compiled build.
 */
function findAppRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('k8s-quiz: cannot find the app root (no package.json above src/)');
    dir = parent;
  }
}

export const APP_ROOT = findAppRoot();

/** Default locations, each overridable by an environment variable (see config/env.ts). */
export const defaultPaths = {
  content: join(APP_ROOT, 'content'),
  config: join(APP_ROOT, 'config'),
  data: join(APP_ROOT, '.data'),
};
