/**
 * `npm run build`: `tsc` to dist/ (one .js per .ts, so the platforms' dynamic imports stay
 * lazy), then every file under src/ that is not TypeScript (the Lua scripts) beside its
 * module, where `new URL('./lua/…', import.meta.url)` looks for it. dist/ starts empty, so
 * a module deleted from src/ cannot linger in an image.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

// The question bank, read and checked now, as JSON beside its loader (src/content/compiled-bank.ts):
// the bot loads it without parsing Markdown while content/ is unchanged. An invalid bank
// fails the build, each problem named by file, line and field.
const contentDir = join(root, 'content');
if (existsSync(join(contentDir, 'categories.yaml'))) {
  const { compileContent } = await import('../src/content/load-bank.js');
  const { formatContentError } = await import('../src/content/types.js');
  const compiled = await compileContent(relative(process.cwd(), contentDir) || contentDir);
  if (!compiled.ok) {
    console.error(
      `build: the question bank is invalid:\n${compiled.error.map(formatContentError).join('\n')}`,
    );
    process.exit(1);
  }
  writeFileSync(join(dist, 'content', 'bank.json'), compiled.value);
  console.log('build: question bank compiled to dist/content/bank.json');
} else console.log('build: no content/ here; the bot will read the bank from its CONTENT_DIR');
