import { monthLabel, monthShortLabel } from '../format/idDate';
import { type MonthIndex, toIsoMonth } from '../period/yearMonth';
import { sortFindings } from '../workbook/findings';
import type { ParsedWorkbook } from '../workbook/workbook';
import { SECTION_IDS, type SectionId } from './catalog';
import { aggregate } from './facts';
import { Figures, type MetricFigure, metricFigure } from './figures';
import type { Report, Section } from './model';
import { SectionContext } from './sectionContext';
import { blastSection, publikasiSection, webinarSection, websiteSection } from './sections/outreach';
import { provinsiSection } from './sections/provinces';
import { kepuasanSection, layer2Section } from './sections/quality';
import {
  chatbotSection,
  emailLaporSection,
  medsosSection,
  pengaduanSection,
  ppidSection,
  viconTatapMukaSection,
} from './sections/services';
import { ringkasanSection } from './sections/summary';
import {
  channelSections,
  kanalSection,
  konsultasiSection,
  penggunaSection,
  topikSection,
  zonaSection,
} from './sections/tickets';

const BUILDERS: ReadonlyArray<readonly [SectionId, (ctx: SectionContext) => Section]> = [
  ['ringkasan', ringkasanSection],
  ['publikasi', publikasiSection],
  ['webinar', webinarSection],
  ['blast', blastSection],
  ['website', websiteSection],
  ['konsultasi', konsultasiSection],
  ['topik', topikSection],
  ['pengguna', penggunaSection],
  ['provinsi', provinsiSection],
  ['zona', zonaSection],
  ['kanal', kanalSection],
  ...channelSections,
  ['chatbot', chatbotSection],
  ['emailLapor', emailLaporSection],
  ['viconTatapMuka', viconTatapMukaSection],
  ['medsos', medsosSection],
  ['ppid', ppidSection],
  ['pengaduan', pengaduanSection],
  ['kepuasan', kepuasanSection],
  ['layer2', layer2Section],
];

/** Every section builder, in the seeds' order (SECTION_IDS). */
const SECTION_BUILDERS = SECTION_IDS.map((id) => {
  const found = BUILDERS.find(([builderId]) => builderId === id);
  if (!found) throw new Error(`no builder for section ${id}`);
  return found;
});

/** Key metrics of the "Tren" tab and the 13-month charts. */
export const TREND_METRICS = [
  'konsultasi.total',
  'konsultasi.kanal.whatsapp',
  'konsultasi.kanal.telepon',
  'konsultasi.kanal.email',
  'konsultasi.kanal.helpdesk',
  'konsultasi.kanal.livechat',
  'chatbot.pengguna',
  'publikasi.website',
  'webinar.total',
  'website.pengunjung',
  'medsos.rataRataKonten',
  'vicon.total',
  'tatapMuka.total',
  'ppid.permohonan',
  'pengaduan.total',
  'kepuasan.rataRata',
  'layer2.total',
] as const;

/** Parsed workbook → figures for every month; build once, ask for many months (the bot does). */
export class ReportBuilder {
  readonly figures: Figures;

  constructor(readonly wb: ParsedWorkbook) {
    const agg = aggregate(wb);
    this.figures = new Figures(agg, wb);
    this.findings = sortFindings([...wb.findings, ...agg.findings, ...this.figures.findings]);
  }

  readonly findings: ReturnType<typeof sortFindings>;

  /** The latest month with any data, or null for an empty workbook. */
  latestMonth(): MonthIndex | null {
    const months = this.figures.monthsWithData();
    return months.length ? (months[months.length - 1] ?? null) : null;
  }

  build(m: MonthIndex): Report {
    const ctx = new SectionContext(m, this.figures, this.wb);
    const metrics: Record<string, MetricFigure> = {};
    for (const def of this.figures.defs()) {
      const figure = metricFigure(this.figures, def, m);
      // Keys that exist only in other months would bloat the JSON; keep what M, M−1 or M−12 has.
      if (figure.value !== null || figure.previousMonth !== null || figure.sameMonthLastYear !== null) {
        metrics[def.key] = figure;
      }
    }
    const months = Array.from({ length: 13 }, (_, i) => m - 12 + i);
    return {
      month: toIsoMonth(m),
      monthLabel: monthLabel(m),
      previousMonth: toIsoMonth(m - 1),
      previousMonthLabel: monthLabel(m - 1),
      sameMonthLastYear: toIsoMonth(m - 12),
      sameMonthLastYearLabel: monthLabel(m - 12),
      metrics,
      sections: SECTION_BUILDERS.map(([, build]) => build(ctx)),
      trend: {
        months: months.map(toIsoMonth),
        labels: months.map(monthShortLabel),
        series: TREND_METRICS.map((key) => ({
          key,
          label: this.figures.def(key)?.label ?? key,
          values: months.map((month) => this.figures.value(key, month)),
        })),
      },
      findings: this.findings,
      monthsWithData: this.figures.monthsWithData().map(toIsoMonth),
      percentDecimals: this.wb.settings.percentDecimals,
    };
  }
}
