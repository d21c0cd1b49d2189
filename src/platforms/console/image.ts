import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViewImage } from '../../core/view.js';

/**
 * A View's picture in the terminal: saved as a PNG file to open, and one line naming it and
 * saying what it shows. Where nothing can be written, the line says so.
 */
export async function imageLine(image: ViewImage): Promise<string> {
  const dir = join(tmpdir(), 'k8s-quiz-playground');
  const file = join(dir, image.name);
  const saved = await mkdir(dir, { recursive: true })
    .then(() => writeFile(file, image.png))
    .then(
      () => file,
      () => undefined,
    );
  const where = saved ? `saved to ${saved}` : 'not saved: no writable temporary folder';
  return `[image ${image.width}×${image.height}, ${where}]\n  ${image.alt}\n`;
}
