import type { BarChart, ChartRenderer } from '../core/chart.js';
import type { ViewImage } from '../core/view.js';

/**
 * Charts drawn with resvg from SVG. A missing font fails the chart (its caller sends text), never the start.
 * resvg and HarfBuzz (png.ts: ~30 MB of WebAssembly memory and code) are loaded at the first
 * chart, not at start: a process that only answers presses never draws one. So is the SVG
 * layout (string-width and its Unicode tables).
 */
export class ResvgCharts implements ChartRenderer {
  private fontFile: string | undefined;

  async barChart(chart: BarChart, name: string): Promise<ViewImage> {
    const [{ CHART_FONT_FAMILY, chartFontFile, rasterize }, { barChartSvg }] = await Promise.all([
      import('./png.js'),
      import('./bar-chart-svg.js'),
    ]);
    this.fontFile ??= chartFontFile();
    const { svg, text } = barChartSvg(chart, CHART_FONT_FAMILY);
    const raster = await rasterize(svg, text, 2, this.fontFile);
    const alt = [chart.title, ...chart.bars.map((b) => `${b.label}: ${b.note}`)].join('; ');
    return { name, png: raster.png, width: raster.width, height: raster.height, alt };
  }
}
