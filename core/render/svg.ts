import { formatNumber } from '../format/idNumber';
import type { Chart } from '../metrics/model';

/** Inline SVG charts for the standalone HTML report; no scripts, no external assets. */

export const PALETTE = ['#0b4f8a', '#f2a900', '#2e8b57', '#c0392b', '#7d3c98', '#16a085', '#d35400', '#5d6d7e'];

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const color = (i: number) => PALETTE[i % PALETTE.length] ?? '#333';
const short = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1);

function donut(chart: Chart): string {
  const values = (chart.series[0]?.values ?? []).map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const r = 70;
  const c = 2 * Math.PI * r;
  let offset = 0;
  const arcs = values
    .map((v, i) => {
      const length = total ? (v / total) * c : 0;
      const arc = `<circle r="${r}" cx="100" cy="100" fill="none" stroke="${color(i)}" stroke-width="36" stroke-dasharray="${length.toFixed(2)} ${(c - length).toFixed(2)}" stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 100 100)"/>`;
      offset += length;
      return arc;
    })
    .join('');
  const legend = chart.categories
    .map((label, i) => {
      const v = values[i] ?? 0;
      const pct = total ? (v / total) * 100 : 0;
      return `<g transform="translate(220 ${24 + i * 22})"><rect width="12" height="12" fill="${color(i)}"/><text x="18" y="11">${esc(label)}: ${short(v)} (${formatNumber(pct, pct > 0 && pct < 1 ? 1 : 0)}%)</text></g>`;
    })
    .join('');
  return `<svg viewBox="0 0 480 200" role="img" aria-label="${esc(chart.title)}">${arcs}<text x="100" y="106" text-anchor="middle" class="big">${short(total)}</text>${legend}</svg>`;
}

function bars(chart: Chart): string {
  const width = 480;
  const height = 220;
  const top = 20;
  const bottom = 40;
  const left = 10;
  const all = chart.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const max = Math.max(1, ...all);
  const groupWidth = (width - left * 2) / Math.max(1, chart.categories.length);
  const barWidth = Math.min(60, (groupWidth * 0.8) / Math.max(1, chart.series.length));
  const parts: string[] = [];
  chart.categories.forEach((category, g) => {
    const groupLeft = left + g * groupWidth + (groupWidth - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[g];
      const x = groupLeft + s * barWidth;
      if (value === null || value === undefined) {
        parts.push(
          `<text x="${(x + barWidth / 2).toFixed(1)}" y="${height - bottom - 4}" text-anchor="middle" class="muted">–</text>`,
        );
        return;
      }
      const h = ((height - top - bottom) * value) / max;
      const y = height - bottom - h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${color(chart.series.length > 1 ? s : g === 1 && chart.categories.length === 3 ? 0 : 1)}"/>`,
        `<text x="${(x + (barWidth - 4) / 2).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${short(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${(left + g * groupWidth + groupWidth / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${esc(category)}</text>`,
    );
  });
  const legend =
    chart.series.length > 1
      ? chart.series
          .map(
            (s, i) =>
              `<g transform="translate(${left + i * 150} ${height - 12})"><rect width="10" height="10" fill="${color(i)}"/><text x="14" y="9">${esc(s.name)}</text></g>`,
          )
          .join('')
      : '';
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(chart.title)}">${parts.join('')}${legend}</svg>`;
}

function line(chart: Chart): string {
  const width = 640;
  const height = 260;
  const left = 50;
  const right = 10;
  const top = 16;
  const bottom = 60;
  const all = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const n = chart.categories.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (width - left - right)) / (n - 1));
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const grid = [0, 0.5, 1]
    .map(
      (f) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(max * f).toFixed(1)}" y2="${y(max * f).toFixed(1)}" class="grid"/><text x="${left - 4}" y="${(y(max * f) + 4).toFixed(1)}" text-anchor="end" class="muted">${short(Math.round(max * f))}</text>`,
    )
    .join('');
  const paths = chart.series
    .map((s, si) => {
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (v === null) {
          pen = false;
          return;
        }
        d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
        pen = true;
      });
      return `<path d="${d.trim()}" fill="none" stroke="${color(si)}" stroke-width="${si === 0 ? 3 : 1.5}"/>`;
    })
    .join('');
  const labels = chart.categories
    .map(
      (c, i) =>
        `<text x="${x(i).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" class="muted">${esc(c)}</text>`,
    )
    .join('');
  const legend = chart.series
    .map(
      (s, i) =>
        `<g transform="translate(${left + (i % 4) * 145} ${height - 28 + Math.floor(i / 4) * 14})"><rect width="10" height="10" fill="${color(i)}"/><text x="14" y="9">${esc(s.name)}</text></g>`,
    )
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(chart.title)}">${grid}${paths}${labels}${legend}</svg>`;
}

export function chartSvg(chart: Chart): string {
  switch (chart.kind) {
    case 'donut':
      return donut(chart);
    case 'bar':
      return bars(chart);
    case 'line':
      return line(chart);
  }
}

export { esc as escapeHtml };
