/**
 * The image's contents: the Dockerfile replayed (test/support/image-replay.ts, as the image
 * test does) and what the runtime stage holds in its WORKDIR measured — the compiled app,
 * production node_modules, content, config — with the largest packages. The base image
 * (node:20-bookworm-slim) is not counted.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageFigures } from '../test/support/image-figures.js';
import { replayImage, sizeOf } from '../test/support/image-replay.js';
import { ROOT } from '../test/support/run-cli.js';

const into = mkdtempSync(join(tmpdir(), 'k8sq-image-bench-'));
try {
  const image = await replayImage(ROOT, into);
  const { lines } = imageFigures(image);
  console.log(`image contents (runtime stage WORKDIR, base image not counted): ${lines.join(', ')}`);
  const modules = join(image.appDir, 'node_modules');
  const packages = readdirSync(modules).flatMap((name) =>
    name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name],
  );
  const sized = packages.map((name) => ({ name, bytes: sizeOf(join(modules, name)) }));
  sized.sort((a, b) => b.bytes - a.bytes);
  console.log(
    `${packages.length} packages; largest: ${sized
      .slice(0, 8)
      .map((p) => `${p.name} ${(p.bytes / 1e6).toFixed(1)} MB`)
      .join(', ')}`,
  );
} finally {
  rmSync(into, { recursive: true, force: true });
}
