import { joinIndonesian } from '../format/sentences';
import type { Chart } from '../metrics/model';

/**
 * One rule for every renderer of a chart (HTML, XLSX, Sheets, deck, cards): a month without data
 * is never drawn as a number. A bar or line chart is drawn when it has at least one value, leaving
 * the missing points out (no bar, a gap, never 0); a donut only when every slice has a value and
 * they add up to more than 0, since shares of a partly known whole would be false.
 */

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/** Whether the chart has anything true to draw. */
export function chartDrawable(chart: Chart): boolean {
  if (chart.kind === 'donut') {
    const values = chart.series[0]?.values ?? [];
    return values.length > 0 && values.every(present) && values.reduce((a, b) => a + b, 0) > 0;
  }
  return chart.series.some((s) => s.values.some(present));
}

/** Consecutive categories as runs: "Feb-24–Nov-24", "Mei-23". */
function runs(categories: readonly string[], member: (i: number) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < categories.length; i++) {
    if (!member(i)) continue;
    let j = i;
    while (j + 1 < categories.length && member(j + 1)) j++;
    out.push(j === i ? (categories[i] ?? '') : `${categories[i]}–${categories[j]}`);
    i = j;
  }
  return out;
}

/** What a reader must know that the picture alone does not say: no data, missing months, a lone point. */
export function chartNotes(chart: Chart): string[] {
  if (!chartDrawable(chart)) {
    const values = chart.series[0]?.values ?? [];
    return chart.kind === 'donut' && values.some(present) && values.some((v) => !present(v))
      ? [
          `Belum ada data untuk ${chart.categories.filter((_, i) => !present(values[i])).join(', ')}; grafik tidak digambar.`,
        ]
      : ['Belum ada data untuk grafik ini.'];
  }
  const notes: string[] = [];
  const isMissing = (i: number) => chart.series.every((s) => !present(s.values[i]));
  const missing = chart.categories.filter((_, i) => isMissing(i));
  if (chart.kind === 'line') {
    const empty: string[] = [];
    for (const s of chart.series) {
      const points = s.values.flatMap((v, i) => (present(v) ? [chart.categories[i] ?? ''] : []));
      if (points.length === 1 && chart.categories.length > 1)
        notes.push(`${s.name}: hanya satu bulan berdata (${points[0]}).`);
      else if (points.length === 0) empty.push(s.name);
    }
    if (empty.length) notes.push(`Belum ada data untuk ${joinIndonesian(empty)}.`);
    if (missing.length)
      notes.push(`Bulan tanpa data (garis terputus, bukan 0): ${runs(chart.categories, isMissing).join(', ')}.`);
  } else if (chart.kind === 'bar') {
    if (missing.length) notes.push(`Belum ada data untuk ${joinIndonesian(missing)} (tidak digambar sebagai 0).`);
    // A series missing in some categories only (the others have data there).
    for (const s of chart.series) {
      const gaps = chart.categories.filter((_, i) => !present(s.values[i]) && !isMissing(i));
      if (gaps.length && s.values.some(present)) notes.push(`${s.name}: belum ada data untuk ${joinIndonesian(gaps)}.`);
    }
    // A series without any value is not drawn at all; say which.
    const empty = chart.series.filter((s) => !s.values.some(present)).map((s) => s.name);
    if (empty.length && chart.series.length > 1) notes.push(`Belum ada data untuk ${joinIndonesian(empty)}.`);
  }
  return notes;
}
