import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { type ReplayedImage, sizeOf } from './image-replay.js';

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The size of what the runtime stage holds in WORKDIR, part by part (the base image not counted). */
export function imageFigures(image: ReplayedImage): { bytes: Record<string, number>; lines: string[] } {
  const parts = ['dist', 'node_modules', 'content', 'config', 'package.json'];
  const bytes: Record<string, number> = {};
  for (const part of parts) bytes[part] = sizeOf(join(image.appDir, part));
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { bytes, lines: Object.entries(bytes).map(([part, n]) => `${part} ${MB(n)}`) };
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"]+)['"]/g;

/**
 * The packages a compiled program can load: every static import, literal dynamic import and
 * literal `require(…)` / `require.resolve(…)` (createRequire, for modules loaded on first use)
 * reachable from the entries, following relative imports. Modules under `maintainerOnly`
 * are not followed (the `content` commands, which need the development dependencies).
 */
export function importedPackages(appDir: string, entries: string[], maintainerOnly: string[] = []): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const stop = new Set(maintainerOnly.map((f) => join(appDir, f)));
  const visit = (file: string) => {
    if (seen.has(file) || stop.has(file)) return;
    seen.add(file);
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec.startsWith('.')) {
        const target = join(dirname(file), spec);
        if (!existsSync(target))
          throw new Error(`${relative(appDir, file)} imports ${spec}, which is not there`);
        visit(target);
      } else if (!isBuiltin(spec)) {
        const parts = spec.split('/');
        packages.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
      }
    }
  };
  for (const entry of entries) visit(join(appDir, entry));
  return [...packages].sort();
}
