import { z } from 'zod';
import type { Report } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import { FindingSchema } from '../workbook/findings';

/** The CLI's JSON contract (METRICS.md "JSON output"); other teams rely on these field names. */
export const MetricJsonSchema = z.object({
  label: z.string(),
  value: z.number().nullable(),
  previousMonth: z.number().nullable(),
  sameMonthLastYear: z.number().nullable(),
  momPct: z.number().nullable(),
  yoyPct: z.number().nullable(),
  unit: z.string(),
  section: z.string(),
  source: z.enum(['log', 'rekap']).nullable(),
});

const TableSchema = z.object({
  title: z.string(),
  columns: z.array(z.object({ header: z.string(), format: z.string() })),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});

const ChartSchema = z.object({
  kind: z.enum(['donut', 'bar', 'line']),
  title: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
});

export const ReportJsonSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  monthLabel: z.string(),
  previousMonth: z.string(),
  sameMonthLastYear: z.string(),
  metrics: z.record(z.string(), MetricJsonSchema),
  sections: z.record(
    z.string(),
    z.object({
      title: z.string(),
      metrics: z.array(z.string()),
      sentences: z.array(z.string()),
      tables: z.array(TableSchema),
      charts: z.array(ChartSchema),
    }),
  ),
  trend: z.object({
    months: z.array(z.string()),
    series: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.number().nullable()) })),
  }),
  findings: z.array(FindingSchema),
  monthsWithData: z.array(z.string()),
});
export type ReportJson = z.infer<typeof ReportJsonSchema>;

export function toReportJson(report: Report): ReportJson {
  return {
    month: report.month,
    monthLabel: report.monthLabel,
    previousMonth: report.previousMonth,
    sameMonthLastYear: report.sameMonthLastYear,
    metrics: Object.fromEntries(
      Object.entries(report.metrics).map(([key, f]) => [
        key,
        {
          label: f.label,
          value: f.value,
          previousMonth: f.previousMonth,
          sameMonthLastYear: f.sameMonthLastYear,
          momPct: f.momPct,
          yoyPct: f.yoyPct,
          unit: f.unit,
          section: f.section,
          source: f.source,
        },
      ]),
    ),
    sections: Object.fromEntries(
      report.sections.map((s) => [
        s.id,
        {
          title: s.title,
          metrics: [...s.metrics],
          sentences: [...s.sentences],
          tables: s.tables.map((t) => ({ title: t.title, columns: [...t.columns], rows: t.rows.map((r) => [...r]) })),
          charts: s.charts.map((c) => ({
            kind: c.kind,
            title: c.title,
            categories: [...c.categories],
            series: c.series.map((x) => ({ name: x.name, values: [...x.values] })),
          })),
        },
      ]),
    ),
    trend: {
      months: [...report.trend.months],
      series: report.trend.series.map((s) => ({ ...s, values: [...s.values] })),
    },
    findings: findingsForMonth(report),
    monthsWithData: [...report.monthsWithData],
  };
}
