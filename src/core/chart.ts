import type { ViewImage } from './view.js';

/**
 * A chart the engine asks for (e.g. the weekly category accuracy) as plain data; a renderer
 * outside core draws it. Core never draws pixels itself.
 */
export interface BarChart {
  title: string;
  /** Small line under the title (what the numbers mean). */
  subtitle?: string;
  /** One horizontal bar each, drawn in this order (top to bottom). */
  bars: ChartBar[];
}

export interface ChartBar {
  /** Any text, Chinese included (category or player names). */
  label: string;
  /** 0–1: the bar's length. */
  value: number;
  /** Shown after the bar, e.g. `67% (4/6)`. */
  note: string;
}

export interface ChartRenderer {
  /** Draws the chart as a PNG; throws when it cannot (the caller sends the text without it). */
  barChart(chart: BarChart, name: string): Promise<ViewImage>;
}
