/**
 * `npm run build`: `tsc` to dist/ (one .js per .ts, so the platforms' dynamic imports stay
 * lazy), then every file under src/ that is not TypeScript (the Lua scripts) beside its
 * module, where `new URL('./lua/…', import.meta.url)` looks for it. dist/ starts empty, so
 * a module deleted from src/ cannot linger in an image.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const assets = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter(
  (file) => /\.[a-z]+$/.test(file) && !file.endsWith('.ts'),
);
for (const file of assets) cpSync(join(root, 'src', file), join(dist, file));
console.log(`build: dist/ compiled, ${assets.length} asset(s) copied (${assets.join(', ')})`);
