import { formatShare } from '../format/figure';
import { formatNumber } from '../format/idNumber';
import type { Chart, ChartSeries } from '../metrics/model';
import { chartDrawable, chartNotes } from './chartData';
import { itemColor } from './colors';

/**
 * Inline SVG charts for the standalone HTML report; no scripts, no external assets.
 *
 * Charts are drawn at the size they are shown: no viewBox, horizontal positions in percent of the
 * card's width and vertical ones in CSS pixels, so text keeps its font size (12 px) on a 1366 px
 * screen and a 390 px phone alike, and the chart always fills its card. Legends are HTML (they
 * wrap instead of being cut) and a chart with missing months says so in a note under it.
 */

const esc = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const short = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1);
const pct = (value: number) => `${value.toFixed(2)}%`;
const seriesColor = (series: ChartSeries, i: number) => itemColor(series.key ?? series.name, i);
const categoryColor = (label: string, i: number) => itemColor(label, i);

const hasData = chartDrawable;
const maxOf = (chart: Chart) =>
  Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number')));

const svgOpen = (chart: Chart, height: number, cls: string) =>
  `<svg class="chart ${cls}" width="100%" height="${height}" role="img" aria-label="${esc(chart.title)}">`;

/** Legend entries as drawn in this chart, so the HTML legend uses the same colours. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
}

export function chartLegend(chart: Chart, options: ChartOptions = {}): LegendItem[] {
  if (!hasData(chart)) return [];
  if (chart.kind === 'donut') {
    const values = chart.series[0]?.values ?? [];
    const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    return chart.categories.map((label, i) => {
      const v = values[i];
      const share =
        v === null || v === undefined
          ? 'belum tersedia'
          : `${short(v)}${total > 0 ? ` (${formatShare((v / total) * 100, chart.shareDecimals ?? options.percentDecimals ?? 0)})` : ''}`;
      return { label: `${label}: ${share}`, color: categoryColor(label, i) };
    });
  }
  if (chart.series.length < 2) return [];
  // A series with no value at all is not drawn, so it gets no legend entry (a note names it).
  return chart.series.flatMap((s, i) =>
    s.values.some((v) => v !== null && v !== undefined) ? [{ label: s.name, color: seriesColor(s, i) }] : [],
  );
}

export interface ChartOptions {
  /** Decimals of shares in donut legends; the report's `Desimal Persen`. */
  readonly percentDecimals?: number;
}

const emptySvg = (chart: Chart) =>
  `${svgOpen(chart, 48, 'empty')}<text x="50%" y="28" text-anchor="middle" class="muted">Belum ada data</text></svg>`;

function donut(chart: Chart): string {
  const values = chart.series[0]?.values ?? [];
  const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  const r = 62;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = total
    ? values
        .map((v, i) => {
          if (!v) return '';
          const length = (v / total) * c;
          const arc = `<circle r="${r}" cx="90" cy="90" fill="none" stroke="${categoryColor(chart.categories[i] ?? '', i)}" stroke-width="32" stroke-dasharray="${length.toFixed(2)} ${(c - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 90 90)"/>`;
          offset += length;
          return arc;
        })
        .join('')
    : `<circle r="${r}" cx="90" cy="90" fill="none" stroke="#dde3ea" stroke-width="32"/>`;
  return `<svg class="chart donut" width="180" height="180" role="img" aria-label="${esc(chart.title)}">${arcs}<text x="90" y="97" text-anchor="middle" class="big">${short(total)}</text></svg>`;
}

/** Vertical bars only when every category label fits under its bar on a phone; else horizontal rows. */
const fitsVertical = (chart: Chart) =>
  chart.categories.length * Math.max(...chart.categories.map((c) => c.length), 1) <= 30 &&
  chart.categories.length * chart.series.length <= 15;

function verticalBars(chart: Chart): string {
  const height = 230;
  const top = 22;
  const base = height - 30;
  const max = Math.max(1, maxOf(chart));
  const n = Math.max(1, chart.categories.length);
  const groupWidth = 100 / n;
  const dense = chart.series.length > 2;
  const barWidth = Math.min(groupWidth * 0.8, 18) / Math.max(1, chart.series.length);
  const parts: string[] = [`<line x1="0" x2="100%" y1="${base}" y2="${base}" class="axis"/>`];
  chart.categories.forEach((category, g) => {
    const groupLeft = g * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[g];
      const x = groupLeft + s * barWidth;
      const mid = x + barWidth / 2;
      if (value === null || value === undefined) {
        parts.push(`<text x="${pct(mid)}" y="${base - 6}" text-anchor="middle" class="muted">–</text>`);
        return;
      }
      const h = ((base - top) * Math.max(0, value)) / max;
      parts.push(
        `<rect x="${pct(x + barWidth * 0.08)}" y="${(base - h).toFixed(1)}" width="${pct(barWidth * 0.84)}" height="${h.toFixed(1)}" fill="${seriesColor(series, s)}"><title>${esc(`${series.name} ${category}: ${short(value)}`)}</title></rect>`,
        `<text x="${pct(mid)}" y="${(base - h - 5).toFixed(1)}" text-anchor="middle"${dense ? ' class="dense"' : ''}>${short(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${pct(g * groupWidth + groupWidth / 2)}" y="${base + 18}" text-anchor="middle">${esc(category)}</text>`,
    );
  });
  return `${svgOpen(chart, height, 'bars')}${parts.join('')}</svg>`;
}

/** One row per category: its label above, its bar(s) below, the value after the bar. */
function horizontalBars(chart: Chart): string {
  const max = Math.max(1, maxOf(chart));
  const barHeight = chart.series.length > 1 ? 12 : 16;
  const parts: string[] = [];
  let y = 0;
  chart.categories.forEach((category, g) => {
    y += 16;
    const label = category.length > 60 ? `${category.slice(0, 59)}…` : category;
    parts.push(`<text x="0" y="${y - 3}">${esc(label)}</text>`);
    chart.series.forEach((series, s) => {
      const value = series.values[g];
      if (value === null || value === undefined) {
        parts.push(`<text x="0" y="${y + barHeight - 3}" class="muted">–</text>`);
      } else {
        // 82% at most leaves room for the value label on a phone.
        const width = (82 * Math.max(0, value)) / max;
        parts.push(
          `<rect x="0" y="${y}" width="${pct(width)}" height="${barHeight}" fill="${seriesColor(series, s)}"><title>${esc(`${series.name} ${category}: ${short(value)}`)}</title></rect>`,
          `<text x="${pct(width)}" dx="5" y="${y + barHeight - 3}">${short(value)}</text>`,
        );
      }
      y += barHeight + 2;
    });
    y += 6;
  });
  return `${svgOpen(chart, y, 'hbars')}${parts.join('')}</svg>`;
}

function line(chart: Chart): string {
  const height = 250;
  const top = 18;
  const base = height - 34;
  const max = Math.max(1, maxOf(chart));
  const n = chart.categories.length;
  // 10%..98% of the width: the value axis' labels sit left of the first month; the last month's
  // label is anchored inwards so it is not cut.
  const x = (i: number) => (n <= 1 ? 54 : 10 + (i * 88) / (n - 1));
  const y = (v: number) => top + (base - top) * (1 - v / max);
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  const grid = ticks
    .map(
      (t) =>
        `<line x1="0" x2="100%" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" class="grid"/><text x="0" y="${(y(t) - 4).toFixed(1)}" class="muted">${short(t)}</text>`,
    )
    .join('');
  const step = Math.ceil(n / 5);
  const labels = chart.categories
    .map((c, i) => {
      const anchor = i === n - 1 && n > 1 ? 'end' : 'middle';
      // On narrow screens only every few months is labelled, always including the report month.
      const minor = n > 6 && i !== n - 1 && (n - 1 - i) % step !== 0;
      return `<text x="${pct(i === n - 1 && n > 1 ? 100 : x(i))}" y="${base + 20}" text-anchor="${anchor}" class="muted${minor ? ' minor' : ''}">${esc(c)}</text>`;
    })
    .join('');
  const lines = chart.series
    .map((s, si) => {
      const colour = seriesColor(s, si);
      const width = si === 0 ? 3 : 2;
      const parts: string[] = [];
      s.values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        const next = s.values[i + 1];
        // Only consecutive months are joined: a month without data is a gap, never a 0.
        if (next !== null && next !== undefined && i + 1 < n)
          parts.push(
            `<line x1="${pct(x(i))}" y1="${y(v).toFixed(1)}" x2="${pct(x(i + 1))}" y2="${y(next).toFixed(1)}" stroke="${colour}" stroke-width="${width}"/>`,
          );
        parts.push(
          `<circle cx="${pct(x(i))}" cy="${y(v).toFixed(1)}" r="${si === 0 ? 4 : 3}" fill="${colour}"><title>${esc(`${s.name} ${chart.categories[i] ?? ''}: ${short(v)}`)}</title></circle>`,
        );
      });
      return parts.join('');
    })
    .join('');
  return `${svgOpen(chart, height, 'line')}${grid}${lines}${labels}</svg>`;
}

/** The chart as inline SVG (legend and notes come from chartLegend/chartNotes). */
export function chartSvg(chart: Chart): string {
  if (!hasData(chart)) return emptySvg(chart);
  switch (chart.kind) {
    case 'donut':
      return donut(chart);
    case 'bar':
      return fitsVertical(chart) ? verticalBars(chart) : horizontalBars(chart);
    case 'line':
      return line(chart);
  }
}

/** Charts that need the card's full width to stay readable (many points or bars). */
export const isWideChart = (chart: Chart): boolean =>
  chart.kind === 'line' || (chart.kind === 'bar' && chart.series.length > 2);

/** A figure: caption, chart, HTML legend that wraps, and notes. */
export function chartFigure(chart: Chart, options: ChartOptions = {}): string {
  const legend = chartLegend(chart, options);
  const legendHtml = legend.length
    ? `<ul class="legend">${legend.map((l) => `<li><i style="background:${l.color}"></i>${esc(l.label)}</li>`).join('')}</ul>`
    : '';
  const caption = `<figcaption>${esc(chart.title)}</figcaption>`;
  if (!hasData(chart)) return `<figure>${caption}<p class="nodata">${esc(chartNotes(chart).join(' '))}</p></figure>`;
  const notes = chartNotes(chart)
    .map((n) => `<p class="note">${esc(n)}</p>`)
    .join('');
  const body =
    chart.kind === 'donut' && hasData(chart)
      ? `<div class="donut-wrap">${chartSvg(chart)}${legendHtml}</div>`
      : `${chartSvg(chart)}${legendHtml}`;
  return `<figure${isWideChart(chart) ? ' class="wide"' : ''}>${caption}${body}${notes}</figure>`;
}

export { chartNotes, esc as escapeHtml };
