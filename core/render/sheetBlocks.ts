import { NO_DATA } from '../format/figure';
import { joinIndonesian } from '../format/sentences';
import type { SectionId } from '../metrics/catalog';
import type { CellFormat, Chart, Report, Table, TableCell } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import { findingEffect, SEVERITY_LABELS } from '../workbook/findings';
import { formatCell, seriesFormat } from './cells';
import { chartDrawable, chartNotes } from './chartData';
import { itemColor } from './colors';
import { sectionHasData, withoutDataSentence } from './sectionData';

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
  /** One colour per series (bar, line) or per slice (donut), so a channel looks the same everywhere. */
  readonly colors: readonly string[];
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
  /** Widths in characters, fitted to the tables' content. */
  readonly columnWidths: readonly number[];
  /**
   * The first `printColumns` columns are the page: sentences span them and a print fits them to
   * the paper's width. Columns after them hold the charts' data (read by the charts, not printed).
   */
  readonly printColumns: number;
  readonly orientation: 'portrait' | 'landscape';
}

export const REPORT_SHEET_PREFIX = 'Laporan ';
export const VALIDATION_SHEET = 'Validasi';
export const TREND_SHEET = 'Tren';

export const reportSheetName = (month: string) => `${REPORT_SHEET_PREFIX}${month}`;

/** Rows a chart covers (the add-on's charts are 300 px high, a row about 20 px). */
export const CHART_ROWS = 16;

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

/** Chart data as a small table; returns the block and the chart that points at it. */
function chartBlock(
  chart: Chart,
  dataRow: number,
  dataCol: number,
  anchorRow: number,
): { block: SheetBlock; spec: SheetChart } {
  const header = ['', ...chart.series.map((s) => s.name)];
  const rows = chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.values[i] ?? null)]);
  const colors =
    chart.kind === 'donut'
      ? chart.categories.map((c, i) => itemColor(c, i))
      : chart.series.map((s, i) => itemColor(s.key ?? s.name, i));
  return {
    block: {
      row: dataRow,
      col: dataCol,
      style: 'table',
      header,
      rows,
      formats: ['text', ...chart.series.map(seriesFormat)],
    },
    spec: {
      kind: chart.kind,
      title: chart.title,
      data: { row: dataRow, col: dataCol, numRows: rows.length + 1, numCols: header.length },
      anchor: { row: anchorRow, col: 0 },
      colors,
    },
  };
}

/**
 * Column widths (characters) that fit the tables: the longest value shown in each column, its
 * header counted as wrapped on two lines. Titles and sentences span the columns, so they do not
 * widen one.
 */
export function fitColumnWidths(
  blocks: readonly SheetBlock[],
  columns: number,
  max: readonly number[],
  budget = Number.POSITIVE_INFINITY,
  min: readonly number[] = [],
): number[] {
  const widths = new Array<number>(columns).fill(8);
  for (const block of blocks) {
    if (block.style !== 'table') continue;
    const widen = (c: number, length: number) => {
      if (c < columns) widths[c] = Math.min(max[c] ?? 24, Math.max(widths[c] ?? 8, length + 2));
    };
    block.header?.forEach((text, i) => {
      const longestWord = Math.max(0, ...text.split(/\s+/).map((w) => w.length));
      widen(block.col + i, Math.max(longestWord, Math.ceil(text.length / 2)));
    });
    for (const row of block.rows)
      row.forEach((value, i) => {
        widen(block.col + i, value === null ? 1 : formatCell(value, block.formats[i] ?? 'text').length);
      });
  }
  // Over the page's width: narrow the widest columns first (their long texts wrap instead).
  let total = widths.reduce((a, b) => a + b, 0);
  const floor = (c: number) => Math.min(widths[c] ?? 0, Math.max(10, min[c] ?? 0));
  while (total > budget) {
    const shrinkable = widths.map((w, c) => (w > floor(c) ? w : 0));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if ((shrinkable[widest] ?? 0) === 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  return widths;
}

/**
 * Which cells of a table are "belum tersedia", said in one note under it (the cells stay empty, so
 * no number column holds text): "Belum tersedia (sel kosong): Jan-24 untuk WhatsApp Blast dan Email
 * Blast." A column empty in every row is named alone.
 */
export function missingNote(table: Table): string | null {
  const figures = table.columns.flatMap((column, c) => (c > 0 && column.format !== 'text' ? [c] : []));
  const missing = (r: readonly TableCell[], c: number) => (r[c] ?? null) === null;
  // A row without any figure is named once ("… (seluruh baris)"), not once per column.
  const emptyRows = table.rows.filter((r) => figures.length > 1 && figures.every((c) => missing(r, c)));
  const rest = table.rows.filter((r) => !emptyRows.includes(r));
  const parts = figures.flatMap((c) => {
    const header = table.columns[c]?.header ?? '';
    const rows = rest.filter((r) => missing(r, c)).map((r) => String(r[0] ?? ''));
    if (!rows.length) return [];
    return [rows.length === table.rows.length ? header : `${header} untuk ${joinIndonesian(rows)}`];
  });
  if (emptyRows.length) parts.unshift(`${joinIndonesian(emptyRows.map((r) => String(r[0] ?? '')))} (seluruh baris)`);
  return parts.length ? `${NO_DATA[0]?.toUpperCase()}${NO_DATA.slice(1)} (sel kosong): ${parts.join('; ')}.` : null;
}

/** Width budget (characters) of landscape A4 at about 90%: what fits across a printed page. */
const PAGE_WIDTH = { landscape: 165 } as const;

/**
 * The report tab reads top to bottom like the HTML report and prints on A4 landscape: each
 * section's heading, sentences (spanning the printed columns), tables, then its charts one under
 * another. The charts' data sits to the right of the printed columns, beside its chart.
 */
function reportSheet(report: Report): SummarySheet {
  const tables = report.sections.flatMap((s) => s.tables);
  const printColumns = Math.max(4, ...tables.map((t) => t.columns.length));
  const dataCol = printColumns + 1;
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
  const dataBlocks: SheetBlock[] = [];
  let row = 3;
  // As the deck and the HTML: a section without data for the month is one sentence in the Ringkasan.
  const without = report.sections.filter((s) => s.id !== 'ringkasan' && !sectionHasData(s, report));
  for (const section of report.sections) {
    if (without.includes(section)) continue;
    blocks.push({ row, col: 0, style: 'heading', rows: [[section.title]], formats: ['text'] });
    row += 1;
    const sentences = [
      ...section.sentences,
      ...(section.id === 'ringkasan' && without.length
        ? [
            withoutDataSentence(
              report,
              without.map((s) => s.title),
            ),
          ]
        : []),
    ];
    if (sentences.length) {
      blocks.push({ row, col: 0, style: 'sentence', rows: sentences.map((s) => [s]), formats: ['text'] });
      row += sentences.length + 1;
    }
    for (const table of section.tables) {
      blocks.push({ row, col: 0, style: 'heading', rows: [[table.title]], formats: ['text'] });
      if (!table.rows.length) {
        // A table without rows is said in a note (its first column may be a number column).
        blocks.push({ row: row + 1, col: 0, style: 'note', rows: [['Tidak ada data bulan ini.']], formats: ['text'] });
        row += 3;
        continue;
      }
      blocks.push({
        row: row + 1,
        col: 0,
        style: 'table',
        header: table.columns.map((c) => c.header),
        // A figure without data is an empty cell, never text among the numbers of its column: the
        // note under the table says which cells are "belum tersedia".
        rows: table.rows.map((r) => r.map((c, i) => (c === null && table.columns[i]?.format === 'text' ? NO_DATA : c))),
        formats: table.columns.map((c) => c.format),
      });
      row += table.rows.length + 2;
      const missing = missingNote(table);
      if (missing) {
        blocks.push({ row, col: 0, style: 'note', rows: [[missing]], formats: ['text'] });
        row += 1;
      }
      row += 1;
    }
    for (const chart of section.charts.filter((_, i) => SHEET_CHARTS[section.id]?.includes(i))) {
      // The one rule of every renderer (core/render/chartData.ts): no chart of nothing, no 0 drawn.
      if (!chartDrawable(chart)) {
        blocks.push({
          row,
          col: 0,
          style: 'note',
          rows: [[`${chart.title}: ${chartNotes(chart).join(' ')}`]],
          formats: ['text'],
        });
        row += 2;
        continue;
      }
      const { block, spec } = chartBlock(chart, row, dataCol, row);
      dataBlocks.push(block);
      charts.push(spec);
      row += Math.max(CHART_ROWS, block.rows.length + 1);
      const notes = chartNotes(chart);
      if (notes.length) {
        blocks.push({ row, col: 0, style: 'note', rows: [[notes.join(' ')]], formats: ['text'] });
        row += 1;
      }
      row += 1;
    }
    row += 1;
  }
  const printed = fitColumnWidths(
    blocks,
    printColumns,
    [40, ...new Array<number>(printColumns - 1).fill(40)],
    PAGE_WIDTH.landscape,
    [34],
  );
  const data = fitColumnWidths(dataBlocks, dataCol + 6, []).slice(dataCol);
  return {
    name: reportSheetName(report.month),
    blocks: [...blocks, ...dataBlocks],
    charts,
    links: [],
    columnWidths: [...printed, 3, ...data.map((w) => Math.min(w, 24))],
    printColumns,
    // Landscape: detail tables (publication names, blast subjects) need the width to stay readable.
    orientation: 'landscape',
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
  return {
    name: VALIDATION_SHEET,
    blocks,
    charts: [],
    links,
    columnWidths: fitColumnWidths(blocks, header.length, [12, 18, 8, 8, 18, 70, 26, 10], PAGE_WIDTH.landscape, [12]),
    printColumns: header.length,
    orientation: 'landscape',
  };
}

/**
 * The Tren tab: the chart first, under the title, so that it prints whole on the first page (below
 * 40 rows of figures it was cut across two pages), then the figures, then the chart's data.
 */
function trendSheet(report: Report): SummarySheet {
  const header = ['Metrik', ...report.trend.labels];
  const months = report.trend.labels;
  // One block per series: counts are integers, averages and ratios keep their decimals.
  const format = (s: (typeof report.trend.series)[number]) => seriesFormat({ name: s.label, values: s.values });
  // The line chart reads the months as categories: a transposed copy of the first six series.
  const chartSeries = report.trend.series.slice(0, 6);
  const chart: Chart = {
    kind: 'line',
    title: 'Tren Tiket Konsultasi per Kanal',
    categories: months,
    series: chartSeries.map((s) => ({ name: s.label, key: s.key, values: s.values })),
  };
  const drawn = chartDrawable(chart);
  const notes = chartNotes(chart);
  const top = 2;
  const tableRow = drawn ? top + CHART_ROWS + (notes.length ? 2 : 1) : top + 2;
  const blocks: SheetBlock[] = [
    { row: 0, col: 0, style: 'title', rows: [[`Tren 13 Bulan s.d. ${report.monthLabel}`]], formats: ['text'] },
    ...(notes.length
      ? [
          {
            row: drawn ? top + CHART_ROWS : top,
            col: 0,
            style: 'note' as const,
            rows: [[notes.join(' ')]],
            formats: ['text' as const],
          },
        ]
      : []),
    { row: tableRow, col: 0, style: 'table', header, rows: [], formats: header.map(() => 'text' as const) },
    ...report.trend.series.map(
      (s, i): SheetBlock => ({
        row: tableRow + 1 + i,
        col: 0,
        style: 'table',
        rows: [[s.label, ...s.values]],
        formats: ['text', ...months.map(() => format(s))],
      }),
    ),
  ];
  // Right of the printed columns, beside the figures: the chart reads it, a print leaves it out.
  const transposedRow = tableRow;
  const dataCol = header.length + 1;
  blocks.push({
    row: transposedRow,
    col: dataCol,
    style: 'table',
    header: ['Bulan', ...chartSeries.map((s) => s.label)],
    rows: months.map((label, i) => [label, ...chartSeries.map((s) => s.values[i] ?? null)]),
    formats: ['text', ...chartSeries.map(format)],
  });
  const charts: SheetChart[] = drawn
    ? [
        {
          kind: 'line',
          title: chart.title,
          data: { row: transposedRow, col: dataCol, numRows: months.length + 1, numCols: chartSeries.length + 1 },
          anchor: { row: top, col: 0 },
          colors: chartSeries.map((s, i) => itemColor(s.key, i)),
        },
      ]
    : [];
  return {
    name: TREND_SHEET,
    blocks,
    charts,
    links: [],
    columnWidths: [
      ...fitColumnWidths(blocks, header.length, [40, ...months.map(() => 12)], PAGE_WIDTH.landscape),
      3,
      ...fitColumnWidths(blocks, dataCol + chartSeries.length + 1, []).slice(dataCol),
    ],
    printColumns: header.length,
    orientation: 'landscape',
  };
}

export function renderSummarySheets(report: Report): SummarySheet[] {
  return [reportSheet(report), validationSheet(report), trendSheet(report)];
}
