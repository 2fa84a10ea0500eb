import { changePct, displayDecimals } from '../../format/change';
import { monthLabel, monthShortLabel } from '../../format/idDate';
import { formatNumber, formatPercent } from '../../format/idNumber';
import { changePhrase, comparisonSentences, joinIndonesian, shareText } from '../../format/sentences';
import { figureDecimals } from '../../metrics/catalog';
import type { MonthIndex } from '../../period/yearMonth';
import type { Answer } from '../answer';
import { shareBaseOf } from '../vocabulary';
import { type AskData, askWords, shownValue, subjectOf, TREND_TITLE, valueText } from './context';

/** One metric in one month: the figure with both comparisons, a share of its whole, or two months side by side. */

export function figureAnswer(data: AskData, key: string, m: MonthIndex): Answer {
  const def = data.builder.figures.def(key);
  const title = `${def?.label ?? key} — ${monthLabel(m)}`;
  const f = data.report(m).metrics[key];
  // "bulan lalu" with no data yet is said as such, the latest month offered as a button: never that
  // month's figure under this month's question (Agents Playground, December 2026 on the sample).
  if (!def || !f || f.value === null)
    return data.noData(m, title, (month) => `${def?.label.toLowerCase() ?? key} ${month}`, data.latestOf(key));
  const pct = data.pct;
  const decimals = figureDecimals(def, pct);
  const share = shareSentence(data, key, m);
  // In time order: a year before, the month before, the month.
  const categories = [monthShortLabel(m - 12), monthShortLabel(m - 1), monthShortLabel(m)];
  const values = [f.sameMonthLastYear, f.previousMonth, f.value];
  return {
    title,
    period: monthLabel(m),
    facts: [
      { label: monthLabel(m), value: valueText(def, f.value, pct) },
      { label: `${monthLabel(m - 1)} (bulan sebelumnya)`, value: valueText(def, f.previousMonth, pct) },
      { label: monthLabel(m - 12), value: valueText(def, f.sameMonthLastYear, pct) },
    ],
    sentences: [
      ...comparisonSentences({
        subject: subjectOf(def),
        month: monthLabel(m),
        // Compared as shown, like the report's sections (36 vs 34 → +6%, not 35,67 vs 34 → +5%).
        value: shownValue(f.value, decimals),
        previous: shownValue(f.previousMonth, decimals),
        lastYear: shownValue(f.sameMonthLastYear, decimals),
        lastYearMonth: monthLabel(m - 12),
        percentDecimals: data.report(m).percentDecimals,
        valueDecimals: decimals,
        // A score, an average or a percentage "is" a value; counts come "sebanyak".
        ...(def.unit === 'count' || def.unit === 'followers' ? {} : { copula: 'adalah' }),
        ...(def.unit === 'percent' ? { unitWord: 'persen' } : {}),
        ...(share ? { afterValue: ` (${share})` } : {}),
      }),
      ...splitSentence(data, key, m),
    ],
    chart: {
      kind: 'bar',
      title: def.label,
      categories,
      series: [{ name: def.label, values }],
    },
    table: null,
    findings: data.errorsFor(m, def.tab),
    suggestions: [`tren ${askWords(def)} 12 bulan`],
    suggestionTitles: [TREND_TITLE],
    answered: { subject: key, value: f.value },
  };
}

/** A headline made of parts names them: "pengaduan" is the Pengaduan dan Keluhan section's figure. */
const SPLITS: Readonly<Record<string, string>> = { 'pengaduan.total': 'pengaduan.jenis.' };

function splitSentence(data: AskData, key: string, m: MonthIndex): string[] {
  const prefix = SPLITS[key];
  if (!prefix) return [];
  const parts = data.builder.figures
    .defs()
    .filter((d) => d.key.startsWith(prefix))
    .map((d) => [d.label.toLowerCase(), data.builder.figures.value(d.key, m)] as const)
    .filter((p): p is readonly [string, number] => p[1] !== null);
  if (parts.length < 2) return [];
  return [`Terdiri dari ${joinIndonesian(parts.map(([label, n]) => `${formatNumber(n)} ${label}`))}.`];
}

/** "69% dari tiket konsultasi 1.010", said after the figure, for parts of a whole. */
function shareSentence(data: AskData, key: string, m: MonthIndex): string | null {
  const baseKey = shareBaseOf(key);
  if (!baseKey) return null;
  const value = data.builder.figures.value(key, m);
  const base = data.builder.figures.value(baseKey, m);
  const baseDef = data.builder.figures.def(baseKey);
  if (value === null || base === null || base === 0 || !baseDef) return null;
  return `${shareText(value, base, data.report(m).percentDecimals)} dari ${baseDef.label.toLowerCase()} ${valueText(baseDef, base, data.pct)}`;
}

export function shareAnswer(data: AskData, key: string, baseKey: string, m: MonthIndex): Answer {
  const def = data.builder.figures.def(key);
  const baseDef = data.builder.figures.def(baseKey);
  const title = `Persentase ${def?.label ?? key} — ${monthLabel(m)}`;
  const value = data.builder.figures.value(key, m);
  const base = data.builder.figures.value(baseKey, m);
  if (!def || !baseDef || value === null || base === null) return data.noData(m, title);
  const decimals = Math.max(2, data.report(m).percentDecimals);
  const pct = base === 0 ? null : (value / base) * 100;
  const shown = (v: number, d: typeof def) => valueText(d, v, data.pct);
  return {
    title,
    period: monthLabel(m),
    facts: [
      { label: 'Persentase', value: pct === null ? '–' : formatPercent(pct, decimals) },
      { label: def.label, value: shown(value, def) },
      { label: baseDef.label, value: shown(base, baseDef) },
    ],
    sentences: [
      pct === null
        ? `Pada bulan ${monthLabel(m)} ${baseDef.label} berjumlah 0, sehingga persentase ${def.label} tidak dapat dihitung.`
        : `Pada bulan ${monthLabel(m)}, ${def.label} sebanyak ${shown(value, def)} dari ${shown(base, baseDef)} ${baseDef.label.toLowerCase()} (${formatPercent(pct, decimals)}).`,
    ],
    chart: null,
    table: null,
    findings: data.errorsFor(m, def.tab),
    suggestions: [`${askWords(def)} ${monthLabel(m).toLowerCase()}`],
    answered: { subject: key, value: pct },
  };
}

export function compareAnswer(data: AskData, key: string, m: MonthIndex, base: MonthIndex): Answer {
  const def = data.builder.figures.def(key);
  const title = `${def?.label ?? key}: ${monthLabel(m)} vs ${monthLabel(base)}`;
  if (!def) return data.noData(m, title);
  const value = data.builder.figures.value(key, m);
  const baseValue = data.builder.figures.value(key, base);
  if (value === null) return data.noData(m, title, (month) => `${askWords(def)} ${month}`);
  const pct = data.report(m).percentDecimals;
  const shown = (v: number | null) => valueText(def, v, data.pct);
  const sentence =
    baseValue === null
      ? `${subjectOf(def)} di bulan ${monthLabel(m)} sebanyak ${shown(value)}; data ${monthLabel(base)} belum tersedia sebagai pembanding.`
      : `${subjectOf(def)} di bulan ${monthLabel(m)} (${shown(value)}) ${changePhrase(value, baseValue, pct)} dibandingkan ${monthLabel(base)} (${shown(baseValue)}).`;
  const change = changePct(value, baseValue);
  return {
    title,
    period: `${monthLabel(m)} dan ${monthLabel(base)}`,
    facts: [
      { label: monthLabel(m), value: shown(value) },
      { label: monthLabel(base), value: shown(baseValue) },
      {
        label: 'Perubahan',
        value: change === null ? '–' : `${change > 0 ? '+' : ''}${formatPercent(change, displayDecimals(change, pct))}`,
      },
    ],
    sentences: [sentence],
    chart: {
      kind: 'bar',
      title: def.label,
      categories: [monthShortLabel(base), monthShortLabel(m)],
      series: [{ name: def.label, values: [baseValue, value] }],
    },
    table: null,
    findings: [...data.errorsFor(m, def.tab), ...data.errorsFor(base, def.tab)],
    suggestions: [`tren ${askWords(def)} 12 bulan`],
    suggestionTitles: [TREND_TITLE],
    answered: { subject: key, value },
  };
}

/** "nyampe target?": the figure against its target in Pengaturan (service level, satisfaction). */
export function targetAnswer(data: AskData, key: string, m: MonthIndex): Answer {
  const def = data.builder.figures.def(key);
  const title = `${def?.label ?? key} dan targetnya — ${monthLabel(m)}`;
  const value = data.builder.figures.value(key, m);
  if (!def || value === null) return data.noData(m, title, (month) => `${def ? askWords(def) : key} ${month}`);
  const settings = data.builder.wb.settings;
  const isLevel = key === 'telepon.serviceLevel';
  const target = isLevel ? settings.serviceLevelTarget : settings.satisfactionTarget;
  const decimals = figureDecimals(def, data.pct);
  // Judged as printed, so a card never says "81%" misses a target of 81%.
  const met = (shownValue(value, decimals) ?? value) >= target;
  const targetText = isLevel ? formatPercent(target, 0) : formatNumber(target, target % 1 === 0 ? 0 : 1);
  const setting = isLevel ? 'Target Service Level (%)' : 'Target Kepuasan';
  return {
    title,
    period: monthLabel(m),
    facts: [
      { label: def.label, value: valueText(def, value, data.pct) },
      { label: `Target (Pengaturan: ${setting})`, value: targetText },
      { label: 'Status', value: met ? 'memenuhi target' : 'belum memenuhi target' },
    ],
    sentences: [
      `${def.label} ${monthLabel(m)} adalah ${valueText(def, value, data.pct)}, ${met ? 'memenuhi' : 'belum memenuhi'} target ${targetText}.`,
    ],
    chart: null,
    table: null,
    findings: data.errorsFor(m, def.tab),
    suggestions: [`tren ${askWords(def)} 12 bulan`],
    suggestionTitles: [TREND_TITLE],
    answered: { subject: key, value },
  };
}
