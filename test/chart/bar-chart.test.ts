import { describe, expect, it } from 'vitest';
import { barChartSvg, CHART_WIDTH, chartHeight } from '../../src/chart/bar-chart-svg.js';
import { CHART_FONT_FAMILY, rasterize } from '../../src/chart/png.js';
import { ResvgCharts } from '../../src/chart/renderer.js';
import type { BarChart } from '../../src/core/chart.js';

/** A code point no font has: resvg draws the font's .notdef box for it. */
const MISSING = '\u{10FFFD}';

const textSvg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="48"><rect width="100%" height="100%" fill="#fff"/><text x="8" y="34" font-size="28" font-family="${CHART_FONT_FAMILY}">${text}</text></svg>`;
const drawn = async (text: string) => (await rasterize(textSvg(text), text, 1)).pixels;
const ink = (pixels: Buffer) => {
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark++;
  return dark;
};

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = Buffer.from(png);
  expect(view.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
};

const chart = (labels: string[]): BarChart => ({
  title: '上周各分类正确率 · 2026-W47',
  subtitle: '每日一题与实时赛',
  bars: labels.map((label, i) => ({ label, value: i / labels.length, note: `${i}/${labels.length}` })),
});

describe('weekly chart', () => {
  it('GIVEN a Chinese name THEN each of its characters is drawn as a glyph, not the missing-glyph box', async () => {
    const box = await drawn(MISSING);
    expect(ink(box)).toBeGreaterThan(0);
    // The comparison can fail: a character outside the font is drawn as exactly that box.
    expect((await drawn('\u{20BB7}')).equals(box)).toBe(true);
    for (const ch of '张伟陳玥') {
      const glyph = await drawn(ch);
      expect(ink(glyph), ch).toBeGreaterThan(0);
      expect(glyph.equals(box), ch).toBe(false);
    }
  });

  it('GIVEN bars with Chinese labels THEN a PNG of the expected size comes out, at twice the SVG size', async () => {
    const labels = ['网络', '调度与资源管理', 'Pod 与工作负载', '张伟'];
    const image = await new ResvgCharts().barChart(chart(labels), 'weekly.png');
    expect(pngSize(image.png)).toEqual({ width: 2 * CHART_WIDTH, height: 2 * chartHeight(labels.length) });
    expect([image.width, image.height]).toEqual([2 * CHART_WIDTH, 2 * chartHeight(labels.length)]);
    expect(image.name).toBe('weekly.png');
    expect(image.alt).toContain('调度与资源管理: 1/4');
  });

  it('GIVEN the same chart with a Chinese label or with missing glyphs THEN the drawings differ', async () => {
    const draw = async (label: string) => {
      const { svg, text } = barChartSvg(chart([label]), CHART_FONT_FAMILY);
      expect(text).toContain(label);
      return (await rasterize(svg, text, 1)).pixels;
    };
    expect((await draw('张伟')).equals(await draw(MISSING + MISSING))).toBe(false);
  });

  it('GIVEN labels with markup and control characters THEN they are escaped and the chart still renders', async () => {
    const { svg, text } = barChartSvg(chart(['<b>&"x"</b>\u0007']), CHART_FONT_FAMILY);
    expect(svg).toContain('&#60;b&#62;&#38;&#34;x&#34;&#60;/b&#62;');
    expect(svg).not.toContain('\u0007');
    expect((await rasterize(svg, text, 1)).width).toBe(CHART_WIDTH);
  });

  it('GIVEN no writable temporary folder (read-only root file system) THEN the same picture, drawn with the whole font', async () => {
    const usual = await drawn('张伟 W47');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/k8s-quiz-tmp';
    try {
      expect((await drawn('张伟 W47')).equals(usual)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('GIVEN a very long label THEN it is cut with an ellipsis before the bars', () => {
    const { svg } = barChartSvg(chart(['很长的分类名称'.repeat(10)]), CHART_FONT_FAMILY);
    expect(svg).toMatch(/很长[^<]*…<\/text>/);
  });
});
