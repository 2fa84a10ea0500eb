import { formatShare } from '../format/figure';
import { formatNumber } from '../format/idNumber';
import type { Chart, Report } from '../metrics/model';
import { chartDrawable, chartNotes } from '../render/chartData';
import { textWidthIn } from '../text/measure';
import { chartColor, lighten, paletteColor } from './colors';
import {
  BODY_H,
  type Box,
  CHART_LABEL_PT,
  CHART_TITLE_PT,
  clampLines,
  HALF_W,
  lineHeight,
  SIDE_VISUAL_W,
  wrap,
} from './layout';
import type { ChartPlot, PlotSeries, ValueAxis } from './model';

/**
 * Charts as the deck draws them, decided once for both files (docs/deck.md "Charts"): what is
 * drawn, as columns or horizontal bars, which labels and colours, the value axis, the note on
 * missing months. A month without data is never a 0: no bar, no slice, no label, and a note.
 */

export interface ChartContext {
  /** "Jan-25": the report month's category in three-month charts (drawn in full colour). */
  readonly monthShort: string;
  readonly percentDecimals: number;
  readonly report: Report;
}

/** Data labels: whole numbers as such, others with one decimal (id-ID). */
const isWhole = (chart: Chart) => chart.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));

function valueLabeller(chart: Chart): (v: number) => string {
  const whole = isWhole(chart);
  return (v) => formatNumber(v, whole ? 0 : 1);
}

/** 1, 2, 2,5 or 5 times a power of ten: at least `raw`. */
function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw - 1e-9);
  return step ?? 10 * power;
}

function axisOf(
  min: number,
  max: number,
  ticks: number,
  visible: boolean,
  format: (v: number) => string,
  whole = true,
): ValueAxis {
  const raw = niceStep((max - min) / ticks);
  // Whole numbers get whole steps: an axis of tickets never reads "2,5".
  const step = whole ? Math.max(1, Math.round(raw)) : raw;
  const lo = Math.floor(min / step) * step;
  const hi = Math.max(lo + step, Math.ceil(max / step) * step);
  const labels: string[] = [];
  for (let v = lo; v <= hi + step / 1e6; v += step) labels.push(format(Number(v.toFixed(6))));
  return { min: lo, max: hi, step, ticks: labels, visible };
}

/** Followers are a stock (the month's level), not a count of the month: its series are named by the metric's label. */
function isStock(chart: Chart, report: Report): boolean {
  const stocks = new Set(
    Object.values(report.metrics).flatMap((m) => (m.unit === 'followers' ? [m.key, m.label] : [])),
  );
  return chart.series.length > 0 && chart.series.every((s) => stocks.has(s.key ?? '') || stocks.has(s.name));
}

/** A column chart's labels fit: each value over its own column, each category in at most two lines under its group. */
function columnsFit(chart: Chart, width: number, label: (v: number) => string): boolean {
  const groups = Math.max(1, chart.categories.length);
  const groupW = (width - 0.4) / groups;
  const barW = (groupW * 0.7) / Math.max(1, chart.series.length);
  const widest = Math.max(
    0,
    ...chart.series.flatMap((s) => s.values.map((v) => (v === null ? 0 : textWidthIn(label(v), CHART_LABEL_PT)))),
  );
  const longestWord = Math.max(
    0,
    ...chart.categories.flatMap((c) => c.split(/\s+/).map((w) => textWidthIn(w, CHART_LABEL_PT))),
  );
  const categoryLines = Math.max(...chart.categories.map((c) => Math.ceil(textWidthIn(c, CHART_LABEL_PT) / groupW)), 1);
  return chart.categories.length <= 8 && widest <= barW + 0.05 && longestWord <= groupW && categoryLines <= 2;
}

/** Horizontal bars need a line of height per bar. */
export const barsHeight = (chart: Chart): number =>
  chart.categories.length * Math.max(1, chart.series.length) * lineHeight(CHART_LABEL_PT) + 0.7;

/** Horizontal bars keep a category's name on one line in at most this share of the chart's width. */
export const BAR_LABEL_SHARE = 0.42;

/**
 * The chart's kind in a box `width` wide: columns when their labels fit, else horizontal bars
 * (null: the chart cannot be drawn readably in that width).
 */
export function plotKind(chart: Chart, width: number): ChartPlot['kind'] {
  if (chart.kind === 'donut') return 'donut';
  if (chart.kind === 'line') return 'line';
  const byWidth = kinds.get(chart) ?? new Map<number, ChartPlot['kind']>();
  kinds.set(chart, byWidth);
  const known = byWidth.get(width);
  if (known !== undefined) return known;
  const kind = columnsFit(chart, width, valueLabeller(chart)) ? 'column' : 'bar';
  byWidth.set(width, kind);
  return kind;
}

/** The paginator asks for the same chart's kind at a few widths many times. */
const kinds = new WeakMap<Chart, Map<number, ChartPlot['kind']>>();

/** Whether the chart reads well in half the slide's width (beside text or another visual). */
export function chartFitsHalf(chart: Chart): boolean {
  if (chart.kind === 'line') return false;
  if (chart.kind === 'donut') return true;
  if (plotKind(chart, HALF_W) === 'column') return true;
  const longest = Math.max(0, ...chart.categories.map((c) => textWidthIn(c, CHART_LABEL_PT)));
  return barsHeight(chart) <= BODY_H && longest <= SIDE_VISUAL_W * BAR_LABEL_SHARE;
}

/** The chart as drawn in a box `width` wide, or null when it has nothing to draw for the month. */
export function chartPlot(chart: Chart, width: number, ctx: ChartContext): ChartPlot | null {
  if (!chartDrawable(chart)) return null;
  const label = valueLabeller(chart);
  const note = chartNotes(chart).join(' ') || null;
  if (chart.kind === 'donut') {
    const values = (chart.series[0]?.values ?? []).map((v) => v ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    const decimals = chart.shareDecimals ?? ctx.percentDecimals;
    const colors = chart.categories.map((c, i) => chartColor(chart.categoryKeys?.[i] ?? c, i));
    const share = (v: number) => formatShare((v / total) * 100, decimals);
    // A slice narrower than 5% gets no label on it (labels would overlap); the legend says its share.
    const labels = values.map((v) => (v / total >= 0.05 ? share(v) : null));
    const legend = chart.categories.map((c, i) => ({
      label: `${c}: ${label(values[i] ?? 0)} (${share(values[i] ?? 0)})`,
      color: colors[i] ?? '0B4F8A',
    }));
    return {
      kind: 'donut',
      title: chart.title,
      categories: legend.map((l) => l.label),
      series: [{ name: chart.series[0]?.name ?? '', values, labels, colors }],
      legend,
      axis: { min: 0, max: total, step: total || 1, ticks: [], visible: false },
      // No number in the hole: PowerPoint cannot place one there, and both files show the same.
      centre: null,
      note,
    };
  }
  const kind = plotKind(chart, width);
  const allValues = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const maxValue = Math.max(0, ...allValues);
  const minValue = Math.min(...allValues);
  const single = chart.series.length === 1;
  // A series without a value for any month is not drawn (its empty legend entry would say "0" in
  // PowerPoint); the note names it.
  const series: PlotSeries[] = chart.series.flatMap((s, si) => {
    if (!s.values.some((v) => v !== null)) return [];
    const own = chartColor(s.key ?? s.name, si);
    const monthly = single && chart.categories.includes(ctx.monthShort);
    return [
      {
        name: s.name,
        values: s.values.map((v) => v ?? null),
        labels: s.values.map((v) => (v === null || chart.kind === 'line' ? null : label(v))),
        // Three months of one figure: the report month in full colour, the months it is compared with lighter.
        colors: chart.categories.map((c) => (monthly && c !== ctx.monthShort ? lighten(own) : own)),
      },
    ];
  });
  const legend =
    chart.series.length > 1 ? series.map((s, i) => ({ label: s.name, color: s.colors[0] ?? paletteColor(i) })) : [];
  let axis: ValueAxis;
  if (chart.kind === 'line') axis = axisOf(0, maxValue || 1, 4, true, label, isWhole(chart));
  else if (isStock(chart, ctx.report) && minValue > 0) {
    // Followers are a stock: from 0, 118.585 and 117.069 look the same; the axis shows the change.
    const spread = Math.max(maxValue - minValue, maxValue * 0.002, 1);
    axis = axisOf(Math.max(0, minValue - spread * 1.5), maxValue + spread * 0.6, 4, true, (v) => formatNumber(v, 0));
  } else axis = axisOf(0, (maxValue || 1) * (kind === 'bar' ? 1.25 : 1.18), 4, false, label, isWhole(chart));
  return {
    kind: chart.kind === 'line' ? 'line' : kind,
    title: chart.title,
    categories: [...chart.categories],
    series,
    legend,
    axis,
    centre: null,
    note,
  };
}

/** Lines of the note under a chart (missing months): at most two, in the chart's width. */
export const NOTE_MAX_LINES = 2;

/** The chart's drawing area and the note under it, in a chart's box; both renderers use these. */
export function chartAreas(plot: ChartPlot, box: Box): { chart: Box; note: { box: Box; lines: string[] } | null } {
  if (!plot.note) return { chart: box, note: null };
  const lines = clampLines(wrap(plot.note, box.w, CHART_LABEL_PT).lines, NOTE_MAX_LINES, box.w, CHART_LABEL_PT);
  const h = lines.length * lineHeight(CHART_LABEL_PT) + 0.05;
  return { chart: { ...box, h: box.h - h }, note: { box: { ...box, y: box.y + box.h - h, h }, lines } };
}

/** The least height a chart is drawn at (columns, donut, lines); horizontal bars need barsHeight. */
export const CHART_MIN_H = 2.4;

/** Height of a chart title line (both renderers draw it at the top of the chart's box). */
export const CHART_TITLE_H = lineHeight(CHART_TITLE_PT) + 0.1;
