import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';

/**
 * The one font charts use: Noto Sans Hans Regular (SIL OFL 1.1) from the npm package
 * `@embedpdf/fonts-sc` — Simplified Chinese plus Latin, so Chinese names and categories
 * render. Loaded explicitly; system fonts are never loaded, so a chart looks the same on a
 * laptop and in a slim container.
 */
export const CHART_FONT_FAMILY = 'Noto Sans Hans';

export function chartFontFile(): string {
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const file = join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
  if (!existsSync(file)) throw new Error(`chart font missing: ${file} (reinstall with npm ci)`);
  return file;
}

/** Always kept, so the cut-down font is a usable font even when `text` has nothing it covers. */
const PRINTABLE_ASCII = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i));

export interface Raster {
  png: Buffer;
  /** RGBA, row by row: for tests that look at the drawn pixels. */
  pixels: Buffer;
  width: number;
  height: number;
}

/**
 * Draws SVG to PNG at `scale`× its size. resvg re-reads its font file for every run of text,
 * which costs ~10 ms per label with the 8 MB CJK font; so the font is first cut down (HarfBuzz
 * hb-subset) to the characters in `text` — everything the SVG draws — and that small file is
 * the only font resvg sees (written to a temporary file: resvg reads fonts only from files).
 * A character the font lacks is drawn as its missing-glyph box.
 */
export async function rasterize(
  svg: string,
  text: string,
  scale = 2,
  fontFile = chartFontFile(),
): Promise<Raster> {
  const subset = await subsetFont(await readFile(fontFile), `${PRINTABLE_ASCII}${text}`, {
    targetFormat: 'sfnt',
  });
  const dir = await mkdtemp(join(tmpdir(), 'k8s-quiz-chart-')).catch(() => undefined);
  try {
    const file = dir ? join(dir, 'font.otf') : undefined;
    if (file) await writeFile(file, subset);
    // A read-only file system (no writable tmp dir): draw with the whole font, only slower.
    return draw(svg, scale, file ?? fontFile);
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

function draw(svg: string, scale: number, fontFile: string): Raster {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: CHART_FONT_FAMILY },
  });
  const image = resvg.render();
  return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height };
}
