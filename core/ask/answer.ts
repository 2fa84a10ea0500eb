import { changePct, displayDecimals } from '../format/change';
import { monthLabel, monthShortLabel } from '../format/idDate';
import { formatNumber, formatPercent } from '../format/idNumber';
import { changePhrase, comparisonSentences } from '../format/sentences';
import type { MetricDef } from '../metrics/catalog';
import type { Chart, Report, Table } from '../metrics/model';
import type { ReportBuilder } from '../metrics/report';
import type { MonthIndex } from '../period/yearMonth';
import { findingsForMonth } from '../render/json';
import type { Finding } from '../workbook/findings';
import type { Question } from './parseQuestion';
import type { AskSection } from './vocabulary';

/** A bot answer as plain data; cards and text are rendered from it (core/render/cards). */
export interface Answer {
  readonly title: string;
  /** The data month(s) the figures are from: "Januari 2025". */
  readonly period: string | null;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly sentences: readonly string[];
  readonly chart: Chart | null;
  readonly table: Table | null;
  /** Open error findings of the month(s), for the card footer. */
  readonly findings: readonly Finding[];
  /** Questions offered as buttons. */
  readonly suggestions: readonly string[];
}

export const HELP_EXAMPLES = [
  'konsultasi Januari vs Desember',
  'whatsapp bulan lalu',
  'tren konsultasi 12 bulan',
  'top pemda bulan lalu',
  'topik konsultasi bulan lalu',
  'sebaran kanal bulan lalu',
  'layer 2 bulan lalu',
  'kepuasan bulan lalu',
  'total konsultasi tahun ini',
  'ringkasan bulan lalu',
];

const MAX_TABLE_ROWS = 15;
/** Scores and averages are shown with 2 decimals, counts as whole numbers. */
const decimalsOf = (def: MetricDef): number => (def.unit === 'score' || def.unit === 'average' ? 2 : 0);
const valueText = (def: MetricDef | undefined, value: number | null) =>
  value === null ? 'belum ada data' : formatNumber(value, def ? decimalsOf(def) : 0);

function subjectOf(def: MetricDef): string {
  if (def.unit === 'score' || def.unit === 'average' || def.unit === 'followers' || def.unit === 'percent')
    return def.label;
  // "Tiket Konsultasi" → "tiket konsultasi"; names such as WhatsApp or PPID keep their case.
  const words = def.label.split(' ').map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w));
  return `Jumlah ${words.join(' ')}`;
}

export class Answerer {
  private readonly reports = new Map<MonthIndex, Report>();

  constructor(private readonly builder: ReportBuilder) {}

  private report(m: MonthIndex): Report {
    let report = this.reports.get(m);
    if (!report) {
      report = this.builder.build(m);
      this.reports.set(m, report);
    }
    return report;
  }

  private hasData(m: MonthIndex): boolean {
    return this.builder.figures.monthsWithData().includes(m);
  }

  private noData(m: MonthIndex, title: string): Answer {
    const months = this.builder.figures.monthsWithData();
    const last = months.length ? monthLabel(months[months.length - 1] ?? 0) : null;
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences: [`Data ${monthLabel(m)} belum tersedia${last ? `; data terakhir: ${last}` : ''}.`],
      chart: null,
      table: null,
      findings: [],
      suggestions: last ? [`ringkasan ${last.toLowerCase()}`] : [],
    };
  }

  private errorsOf(m: MonthIndex): Finding[] {
    return findingsForMonth(this.report(m)).filter((f) => f.severity === 'error');
  }

  answer(question: Question): Answer {
    switch (question.kind) {
      case 'help':
        return this.help(question.suggestion);
      case 'refresh':
        return { ...this.help(null), title: 'Data dimuat ulang', sentences: ['Data spreadsheet telah dimuat ulang.'] };
      case 'summary':
        return this.summary(question.month);
      case 'section':
        return this.section(question.section, question.month);
      case 'figure':
        return this.figure(question.metric, question.month);
      case 'compare':
        return this.compare(question.metric, question.month, question.base);
      case 'trend':
        return this.trend(question.metric, question.from, question.to);
      case 'total':
        return this.total(question.metric, question.from, question.to, question.label);
    }
  }

  help(suggestion: string | null): Answer {
    return {
      title: 'Apa yang bisa saya jawab',
      period: null,
      facts: [],
      sentences: [
        ...(suggestion ? [`Maksud Anda '${suggestion}'?`] : []),
        'Tanyakan angka layanan informasi DJPK dalam bahasa sehari-hari: jumlah konsultasi, kanal (WhatsApp, telepon, email, Help Desk, live chat), publikasi, webinar, blast, pengunjung website, media sosial, PPID, pengaduan, kepuasan dan Layer 2, untuk bulan, triwulan, semester atau tahun tertentu.',
      ],
      chart: null,
      table: null,
      findings: [],
      suggestions: suggestion ? [`${suggestion} bulan lalu`, ...HELP_EXAMPLES.slice(0, 5)] : HELP_EXAMPLES,
    };
  }

  figure(key: string, m: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const title = `${def?.label ?? key} — ${monthLabel(m)}`;
    const f = this.report(m).metrics[key];
    if (!def || !f || f.value === null) return this.noData(m, title);
    const decimals = decimalsOf(def);
    return {
      title,
      period: monthLabel(m),
      facts: [
        { label: monthLabel(m), value: valueText(def, f.value) },
        { label: `${monthLabel(m - 1)} (bulan sebelumnya)`, value: valueText(def, f.previousMonth) },
        { label: monthLabel(m - 12), value: valueText(def, f.sameMonthLastYear) },
      ],
      sentences: comparisonSentences({
        subject: subjectOf(def),
        month: monthLabel(m),
        value: f.value,
        previous: f.previousMonth,
        lastYear: f.sameMonthLastYear,
        lastYearMonth: monthLabel(m - 12),
        percentDecimals: this.report(m).percentDecimals,
        valueDecimals: decimals,
      }),
      chart: {
        kind: 'bar',
        title: def.label,
        categories: [monthShortLabel(m - 1), monthShortLabel(m), monthShortLabel(m - 12)],
        series: [{ name: def.label, values: [f.previousMonth, f.value, f.sameMonthLastYear] }],
      },
      table: null,
      findings: this.errorsOf(m),
      suggestions: [`tren ${def.label.toLowerCase()} 12 bulan`],
    };
  }

  compare(key: string, m: MonthIndex, base: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const title = `${def?.label ?? key}: ${monthLabel(m)} vs ${monthLabel(base)}`;
    if (!def) return this.noData(m, title);
    const value = this.builder.figures.value(key, m);
    const baseValue = this.builder.figures.value(key, base);
    if (value === null) return this.noData(m, title);
    const pct = this.report(m).percentDecimals;
    const sentence =
      baseValue === null
        ? `${subjectOf(def)} di bulan ${monthLabel(m)} sebanyak ${valueText(def, value)}; data ${monthLabel(base)} belum tersedia sebagai pembanding.`
        : `${subjectOf(def)} di bulan ${monthLabel(m)} (${valueText(def, value)}) ${changePhrase(value, baseValue, pct)} dibandingkan ${monthLabel(base)} (${valueText(def, baseValue)}).`;
    const change = changePct(value, baseValue);
    return {
      title,
      period: `${monthLabel(m)} dan ${monthLabel(base)}`,
      facts: [
        { label: monthLabel(m), value: valueText(def, value) },
        { label: monthLabel(base), value: valueText(def, baseValue) },
        {
          label: 'Perubahan',
          value:
            change === null ? '–' : `${change > 0 ? '+' : ''}${formatPercent(change, displayDecimals(change, pct))}`,
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
      findings: [...this.errorsOf(m), ...this.errorsOf(base)],
      suggestions: [],
    };
  }

  trend(key: string, from: MonthIndex, to: MonthIndex): Answer {
    const def = this.builder.figures.def(key);
    const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
    const values = months.map((m) => this.builder.figures.value(key, m));
    const title = `Tren ${def?.label ?? key}: ${monthLabel(from)} – ${monthLabel(to)}`;
    const known = values.filter((v): v is number => v !== null);
    if (!def || known.length === 0) return this.noData(to, title);
    const max = Math.max(...known);
    const min = Math.min(...known);
    const peak = months[values.indexOf(max)] ?? to;
    const low = months[values.indexOf(min)] ?? to;
    const missing = months.filter((_, i) => values[i] === null);
    return {
      title,
      period: `${monthLabel(from)} – ${monthLabel(to)}`,
      facts: [
        { label: 'Tertinggi', value: `${valueText(def, max)} (${monthLabel(peak)})` },
        { label: 'Terendah', value: `${valueText(def, min)} (${monthLabel(low)})` },
      ],
      sentences: [
        `${subjectOf(def)} tertinggi pada ${monthLabel(peak)} (${valueText(def, max)}) dan terendah pada ${monthLabel(low)} (${valueText(def, min)}).`,
        ...(missing.length ? [`Belum ada data untuk ${missing.length} bulan dalam rentang ini.`] : []),
      ],
      chart: {
        kind: 'line',
        title: def.label,
        categories: months.map(monthShortLabel),
        series: [{ name: def.label, values }],
      },
      table: {
        title: def.label,
        columns: [
          { header: 'Bulan', format: 'text' },
          { header: def.label, format: decimalsOf(def) === 2 ? 'dec2' : 'int' },
        ],
        rows: months.map((m, i) => [monthLabel(m), values[i] ?? null]),
      },
      findings: [],
      suggestions: [],
    };
  }

  total(key: string, from: MonthIndex, to: MonthIndex, label: string): Answer {
    const def = this.builder.figures.def(key);
    const months = Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
    const values = months.map((m) => this.builder.figures.value(key, m));
    const title = `${def?.label ?? key} — ${label}`;
    const known = values.filter((v): v is number => v !== null);
    if (!def || known.length === 0) return this.noData(to, title);
    const sum = known.reduce((a, b) => a + b, 0);
    const missing = months.filter((_, i) => values[i] === null).map(monthLabel);
    const additive = def.unit === 'count';
    return {
      title,
      period: `${monthLabel(from)} – ${monthLabel(to)}`,
      facts: [
        { label: additive ? 'Total' : 'Rata-rata bulanan', value: valueText(def, additive ? sum : sum / known.length) },
      ],
      sentences: [
        additive
          ? `${subjectOf(def)} selama ${monthLabel(from)} – ${monthLabel(to)} sebanyak ${formatNumber(sum)}.`
          : `Rata-rata bulanan ${def.label.toLowerCase()} selama ${monthLabel(from)} – ${monthLabel(to)} adalah ${formatNumber(sum / known.length, 2)}.`,
        ...(missing.length ? [`Belum termasuk bulan tanpa data: ${missing.join(', ')}.`] : []),
      ],
      chart: {
        kind: 'bar',
        title: def.label,
        categories: months.map(monthShortLabel),
        series: [{ name: def.label, values }],
      },
      table: null,
      findings: [],
      suggestions: [],
    };
  }

  private sectionTableAnswer(
    m: MonthIndex,
    sectionId: string,
    tableTitle: string | null,
    title: string,
    chartIndex: number | null,
  ): Answer {
    if (!this.hasData(m)) return this.noData(m, title);
    const report = this.report(m);
    const section = report.sections.find((s) => s.id === sectionId);
    if (!section) return this.noData(m, title);
    const table = tableTitle
      ? (section.tables.find((t) => t.title === tableTitle) ?? null)
      : (section.tables[0] ?? null);
    return {
      title,
      period: monthLabel(m),
      facts: [],
      sentences: section.sentences.slice(0, 4),
      chart: chartIndex === null ? null : (section.charts[chartIndex] ?? null),
      table: table ? { ...table, rows: table.rows.slice(0, MAX_TABLE_ROWS) } : null,
      findings: this.errorsOf(m),
      suggestions: [],
    };
  }

  section(section: AskSection, m: MonthIndex): Answer {
    switch (section) {
      case 'topPemda':
        return this.sectionTableAnswer(
          m,
          'pengguna',
          'Pemda Pengguna Terbanyak',
          `Pemda Pengguna Terbanyak — ${monthLabel(m)}`,
          null,
        );
      case 'topik':
        return this.sectionTableAnswer(m, 'topik', null, `Topik Konsultasi — ${monthLabel(m)}`, 0);
      case 'kanal':
        return this.sectionTableAnswer(
          m,
          'konsultasi',
          'Tiket Konsultasi per Kanal',
          `Sebaran Kanal — ${monthLabel(m)}`,
          0,
        );
      case 'layer2':
        return this.sectionTableAnswer(
          m,
          'layer2',
          'Tiket Dieskalasi dan Capaian per Unit',
          `Layer 2 — ${monthLabel(m)}`,
          0,
        );
      case 'kepuasan':
        return this.sectionTableAnswer(
          m,
          'kepuasan',
          'Nilai Kepuasan per Agen',
          `Kepuasan Pengguna — ${monthLabel(m)}`,
          null,
        );
    }
  }

  /** The monthly summary: the same card as the scheduled post. */
  summary(m: MonthIndex): Answer {
    const title = `Ringkasan Layanan Informasi DJPK — ${monthLabel(m)}`;
    if (!this.hasData(m)) return this.noData(m, title);
    const report = this.report(m);
    const ringkasan = report.sections.find((s) => s.id === 'ringkasan');
    const konsultasi = report.sections.find((s) => s.id === 'konsultasi');
    const facts = (ringkasan?.metrics ?? []).map((key) => {
      const f = report.metrics[key];
      const def = this.builder.figures.def(key);
      const change = f?.momPct ?? null;
      return {
        label: def?.label ?? key,
        value: `${valueText(def, f?.value ?? null)}${change === null ? '' : ` (${change > 0 ? '+' : ''}${formatPercent(change, 0)} thd ${monthShortLabel(m - 1)})`}`,
      };
    });
    const errors = this.errorsOf(m);
    return {
      title,
      period: monthLabel(m),
      facts,
      sentences: [
        ...(ringkasan?.sentences ?? []),
        ...(errors.length
          ? [
              `Terdapat ${errors.length} galat data pada bulan ini (baris tersebut tidak dihitung); lihat tab Validasi di spreadsheet.`,
            ]
          : []),
      ],
      chart: konsultasi?.charts[0] ?? null,
      table: null,
      findings: this.errorsOf(m),
      suggestions: [
        `top pemda ${monthLabel(m).toLowerCase()}`,
        `topik konsultasi ${monthLabel(m).toLowerCase()}`,
        `layer 2 ${monthLabel(m).toLowerCase()}`,
      ],
    };
  }
}
