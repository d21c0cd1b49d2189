import stringWidth from 'string-width';
import type { BarChart } from '../core/chart.js';

/** Layout in SVG user units; the PNG is drawn at SCALE× for sharp text on high-density screens. */
export const CHART_WIDTH = 800;
const PAD = 24;
const TITLE_SIZE = 24;
const SUBTITLE_SIZE = 14;
const LABEL_SIZE = 16;
const ROW = 40;
const BAR = 22;
const NOTE_WIDTH = 120;
const HEAD = PAD + TITLE_SIZE + 12 + SUBTITLE_SIZE + 20;

export const chartHeight = (bars: number) => HEAD + Math.max(bars, 1) * ROW + PAD;

export interface ChartSvg {
  svg: string;
  /** Every character the SVG draws (the font is cut down to these). */
  text: string;
}

/**
 * A horizontal bar chart as SVG: labels left, bars coloured by value (red under 50 %,
 * amber under 75 %, green above), a note after each bar. All text is escaped; the font family
 * is the one the renderer loads, so no system font is ever asked for.
 */
export function barChartSvg(chart: BarChart, fontFamily: string): ChartSvg {
  const drawn: string[] = [];
  const text = (x: number, y: number, size: number, fill: string, content: string) => {
    drawn.push(content);
    return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}">${escapeXml(content)}</text>`;
  };
  const labelWidth = Math.min(
    260,
    Math.max(80, ...chart.bars.map((b) => textWidth(b.label, LABEL_SIZE))) + 12,
  );
  const trackX = PAD + labelWidth;
  const trackWidth = CHART_WIDTH - trackX - NOTE_WIDTH - PAD;
  const rows = chart.bars.map((bar, i) => {
    const top = HEAD + i * ROW;
    const value = Math.min(1, Math.max(0, Number.isFinite(bar.value) ? bar.value : 0));
    const y = top + (ROW - BAR) / 2;
    const baseline = top + ROW / 2 + LABEL_SIZE * 0.35;
    return [
      text(PAD, baseline, LABEL_SIZE, '#111827', fitText(bar.label, labelWidth - 12, LABEL_SIZE)),
      `<rect x="${trackX}" y="${y}" width="${trackWidth}" height="${BAR}" rx="4" fill="#e5e7eb"/>`,
      value > 0
        ? `<rect x="${trackX}" y="${y}" width="${(trackWidth * value).toFixed(1)}" height="${BAR}" rx="4" fill="${colour(value)}"/>`
        : '',
      text(trackX + trackWidth + 10, baseline, LABEL_SIZE, '#374151', bar.note),
    ].join('\n');
  });
  const height = chartHeight(chart.bars.length);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="${escapeXml(fontFamily)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(PAD, PAD + TITLE_SIZE, TITLE_SIZE, '#1f2937', chart.title),
    chart.subtitle
      ? text(PAD, PAD + TITLE_SIZE + 12 + SUBTITLE_SIZE, SUBTITLE_SIZE, '#6b7280', chart.subtitle)
      : '',
    ...rows,
    '</svg>',
  ].join('\n');
  return { svg, text: drawn.join('') };
}

const colour = (value: number) => (value < 0.5 ? '#e74c3c' : value < 0.75 ? '#f39c12' : '#2ecc71');

/** Approximate advance width: CJK and full-width characters count as two half-em columns. */
const textWidth = (text: string, size: number) => stringWidth(text) * size * 0.55;

/** Cuts a label that would run into the bars, with an ellipsis. */
function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

export const escapeXml = (text: string): string =>
  text
    .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
    // XML 1.0 forbids control characters other than tab and newlines.
    .replace(/(?![\t\n\r])\p{Cc}/gu, '');
