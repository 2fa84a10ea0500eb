import type { SectionId } from '../metrics/catalog';
import type { CellFormat, Chart, Report, TableCell } from '../metrics/model';
import { findingEffect, SEVERITY_LABELS } from '../workbook/findings';
import { seriesFormat } from './cells';
import { findingsForMonth } from './json';

/**
 * The summary tabs as plain data: blocks of rows at fixed positions plus chart specs that point at
 * cell ranges. The Sheets add-on and the .xlsx writer draw exactly this, so they cannot disagree.
 */
export type BlockStyle = 'title' | 'heading' | 'sentence' | 'table' | 'note';

export interface SheetBlock {
  /** 0-based position of the block's first cell. */
  readonly row: number;
  readonly col: number;
  readonly style: BlockStyle;
  /** For tables: the header row (written first, bold). */
  readonly header?: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** One format per column. */
  readonly formats: readonly CellFormat[];
}

export interface SheetChart {
  readonly kind: Chart['kind'];
  readonly title: string;
  /** The data range: header row + category column + one column per series (0-based, inclusive). */
  readonly data: { readonly row: number; readonly col: number; readonly numRows: number; readonly numCols: number };
  readonly anchor: { readonly row: number; readonly col: number };
}

/** A link from a Validasi row to the offending cell of an agents' tab. */
export interface CellLink {
  readonly row: number;
  readonly col: number;
  readonly tab: string;
  readonly cell: string;
}

export interface SummarySheet {
  readonly name: string;
  readonly blocks: readonly SheetBlock[];
  readonly charts: readonly SheetChart[];
  readonly links: readonly CellLink[];
  readonly columnWidths: readonly number[];
}

export const REPORT_SHEET_PREFIX = 'Laporan ';
export const VALIDATION_SHEET = 'Validasi';
export const TREND_SHEET = 'Tren';

export const reportSheetName = (month: string) => `${REPORT_SHEET_PREFIX}${month}`;

const CHART_ROWS = 16;

/**
 * Charts drawn in the summary tab (the HTML report draws them all): the seeds' headline pictures.
 * Each chart costs the add-on service calls, so the tab keeps to these.
 */
const SHEET_CHARTS: Partial<Record<SectionId, readonly number[]>> = {
  ringkasan: [0],
  konsultasi: [0, 2],
  pengguna: [0],
  zona: [0],
  layer2: [0],
};
const CHART_COL = 9;

/** Chart data as a small table; returns the block and the chart that points at it. */
function chartBlock(chart: Chart, row: number, col: number): { block: SheetBlock; spec: SheetChart; height: number } {
  const header = ['', ...chart.series.map((s) => s.name)];
  const rows = chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i] ?? null)]);
  return {
    block: {
      row,
      col,
      style: 'table',
      header,
      rows,
      formats: ['text', ...chart.series.map(seriesFormat)],
    },
    spec: {
      kind: chart.kind,
      title: chart.title,
      data: { row, col, numRows: rows.length + 1, numCols: header.length },
      anchor: { row: row + rows.length + 2, col },
    },
    height: rows.length + 2 + CHART_ROWS,
  };
}

function reportSheet(report: Report): SummarySheet {
  const blocks: SheetBlock[] = [
    {
      row: 0,
      col: 0,
      style: 'title',
      rows: [[`Laporan Layanan Informasi DJPK — ${report.monthLabel}`]],
      formats: ['text'],
    },
    {
      row: 1,
      col: 0,
      style: 'note',
      rows: [
        [
          `Dibandingkan dengan ${report.previousMonthLabel} (bulan sebelumnya) dan ${report.sameMonthLastYearLabel}. Tab ini dibuat otomatis; jangan diedit.`,
        ],
      ],
      formats: ['text'],
    },
  ];
  const charts: SheetChart[] = [];
  let row = 3;
  for (const section of report.sections) {
    const start = row;
    blocks.push({ row, col: 0, style: 'heading', rows: [[section.title]], formats: ['text'] });
    row += 1;
    if (section.sentences.length) {
      blocks.push({ row, col: 0, style: 'sentence', rows: section.sentences.map((s) => [s]), formats: ['text'] });
      row += section.sentences.length + 1;
    }
    for (const table of section.tables) {
      blocks.push({ row, col: 0, style: 'heading', rows: [[table.title]], formats: ['text'] });
      blocks.push({
        row: row + 1,
        col: 0,
        style: 'table',
        header: table.columns.map((c) => c.header),
        rows: table.rows.length ? table.rows : [['Tidak ada data']],
        formats: table.columns.map((c) => c.format),
      });
      row += Math.max(1, table.rows.length) + 3;
    }
    let right = start + 1;
    for (const chart of section.charts.filter((_, i) => SHEET_CHARTS[section.id]?.includes(i))) {
      const { block, spec, height } = chartBlock(chart, right, CHART_COL);
      blocks.push(block);
      charts.push(spec);
      right += height;
    }
    row = Math.max(row, right) + 1;
  }
  return {
    name: reportSheetName(report.month),
    blocks,
    charts,
    links: [],
    columnWidths: [44, 14, 14, 14, 16, 16, 16, 40, 4, 28, 14, 14, 14, 14],
  };
}

function validationSheet(report: Report): SummarySheet {
  const findings = findingsForMonth(report);
  const header = ['Tingkat', 'Tab', 'Sel', 'Baris', 'Kolom', 'Pesan', 'Akibat', 'Bulan'];
  const rows = findings.map((f) => [
    SEVERITY_LABELS[f.severity],
    f.tab,
    f.cell ?? '',
    f.row,
    f.column ?? '',
    f.message,
    findingEffect(f),
    f.month ?? '',
  ]);
  const blocks: SheetBlock[] = [
    { row: 0, col: 0, style: 'title', rows: [[`Validasi Data — ${report.monthLabel}`]], formats: ['text'] },
    {
      row: 1,
      col: 0,
      style: 'note',
      rows: [
        [
          findings.length
            ? `${findings.length} temuan. Klik sel di kolom "Sel" untuk membuka data yang perlu diperbaiki, lalu jalankan Generate Report lagi.`
            : 'Tidak ada temuan pada data bulan ini.',
        ],
      ],
      formats: ['text'],
    },
    {
      row: 3,
      col: 0,
      style: 'table',
      header,
      rows,
      formats: ['text', 'text', 'text', 'int', 'text', 'text', 'text', 'text'],
    },
  ];
  const links = findings.flatMap((f, i) => (f.cell ? [{ row: 4 + i, col: 2, tab: f.tab, cell: f.cell }] : []));
  return { name: VALIDATION_SHEET, blocks, charts: [], links, columnWidths: [12, 18, 8, 8, 18, 70, 26, 10] };
}

function trendSheet(report: Report): SummarySheet {
  const header = ['Metrik', ...report.trend.labels];
  const rows = report.trend.series.map((s) => [s.label, ...s.values]);
  const blocks: SheetBlock[] = [
    { row: 0, col: 0, style: 'title', rows: [[`Tren 13 Bulan s.d. ${report.monthLabel}`]], formats: ['text'] },
    {
      row: 2,
      col: 0,
      style: 'table',
      header,
      rows,
      formats: ['text', ...report.trend.labels.map(() => 'dec2' as const)],
    },
  ];
  // The line chart reads the months as categories: a transposed copy of the first six series.
  const chartSeries = report.trend.series.slice(0, 6);
  const transposedRow = rows.length + 5;
  blocks.push({
    row: transposedRow,
    col: 0,
    style: 'table',
    header: ['Bulan', ...chartSeries.map((s) => s.label)],
    rows: report.trend.labels.map((label, i) => [label, ...chartSeries.map((s) => s.values[i] ?? null)]),
    formats: ['text', ...chartSeries.map(() => 'int' as const)],
  });
  const charts: SheetChart[] = [
    {
      kind: 'line',
      title: 'Tren Tiket Konsultasi per Kanal',
      data: { row: transposedRow, col: 0, numRows: report.trend.labels.length + 1, numCols: chartSeries.length + 1 },
      anchor: { row: 2, col: header.length + 1 },
    },
  ];
  return { name: TREND_SHEET, blocks, charts, links: [], columnWidths: [40, ...report.trend.labels.map(() => 11)] };
}

export function renderSummarySheets(report: Report): SummarySheet[] {
  return [reportSheet(report), validationSheet(report), trendSheet(report)];
}
