/**
 * The weekly chart: rendering one category-accuracy chart (SVG → PNG with resvg and the CJK
 * font) beside the same SVG with its text removed (no font work), so the font's share shows.
 */
import { barChartSvg } from '../src/chart/bar-chart-svg.js';
import { CHART_FONT_FAMILY, chartFontFile, rasterize } from '../src/chart/png.js';
import { ResvgCharts } from '../src/chart/renderer.js';
import type { BarChart } from '../src/core/chart.js';
import { fmt, percentile } from './support.js';

const RUNS = 20;
const chart: BarChart = {
  title: '上周各分类正确率 · 2026-W47',
  subtitle: '每日一题与实时赛 · 正确率从低到高',
  bars: ['网络', '调度与资源管理', 'Pod 与工作负载', '存储与配置', '安全', '集群运维', 'Extensibility'].map(
    (label, i) => ({ label, value: (i + 1) / 8, note: `${Math.round((100 * (i + 1)) / 8)}% (${i + 1}/8)` }),
  ),
};
const renderer = new ResvgCharts();
const textless = barChartSvg(chart, CHART_FONT_FAMILY).svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');

const time = async (op: () => unknown) => {
  await op(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await op();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
};
const full = await time(() => renderer.barChart(chart, 'weekly.png'));
const bare = await time(() => rasterize(textless, '', 2, chartFontFile()));
const sample = await renderer.barChart(chart, 'weekly.png');

console.log(
  `weekly chart — ${chart.bars.length} bars, ${sample.width}×${sample.height} PNG, ${fmt(sample.png.length / 1024, 1)} KiB, ${RUNS} runs`,
);
console.log('render              | p50 ms | p99 ms');
console.log(`chart with text     | ${fmt(percentile(full, 50), 1)} | ${fmt(percentile(full, 99), 1)}`);
console.log(
  `same SVG, no text   | ${fmt(percentile(bare, 50), 1)} | ${fmt(percentile(bare, 99), 1)}   (baseline: shapes only)`,
);
console.log(`ratio p50: ${fmt(percentile(full, 50) / percentile(bare, 50), 2)}`);
