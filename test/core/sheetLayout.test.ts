/**
 * Issue 17 items 4, 6 and 7 for the .xlsx (and the HTML and cards' charts): each table of the
 * report tab with its own column widths, "belum tersedia" never among the numbers of a column,
 * charts that never draw missing data as 0 and keep to one printed page, a print of the workbook
 * that gives the report and not the logs, and one colour per channel in every renderer.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { chartColor } from '../../core/deck/colors';
import type { Chart, Report } from '../../core/metrics/model';
import { chartElement } from '../../core/render/cards';
import { chartDrawable } from '../../core/render/chartData';
import { cardColor, keyColor } from '../../core/render/colors';
import { CHART_ROWS, missingNote, renderSummarySheets, type SummarySheet } from '../../core/render/sheetBlocks';
import { GRID_COLUMNS, GRID_WIDTH, onPageGrid, spansOf } from '../../core/render/sheetLayout';
import { chartSvg } from '../../core/render/svg';
import { summaryWorkbook } from '../../formats/xlsx/summaryWorkbook';
import { SAMPLE_XLSX, sampleReport } from '../fixtures/sample';

const MONTHS = ['2025-01', '2024-12', '2023-07'] as const;
const reports = new Map<string, Promise<Report>>();
const reportOf = (month: string) => {
  if (!reports.has(month)) reports.set(month, sampleReport(month));
  return reports.get(month) as Promise<Report>;
};
const reportTab = async (month: string): Promise<SummarySheet> => {
  const [sheet] = renderSummarySheets(await reportOf(month));
  if (!sheet) throw new Error('no report tab');
  return sheet;
};

describe('the report tab: every table with its own widths', () => {
  it('spans follow each table’s content and never exceed the page', () => {
    expect(spansOf([8, 90, 12])).toEqual([2, 18, 3]);
    expect(spansOf([90, 90, 90]).reduce((a, b) => a + b, 0)).toBe(GRID_COLUMNS);
    expect(spansOf([1, 1])).toEqual([1, 1]);
  });

  it('long names wrap to a few lines, not 10+: every text cell fits its merged width in at most 4 lines', async () => {
    const laid = onPageGrid(await reportTab('2025-01'));
    const merges = new Map(laid.merges.map((m) => [`${m.row}:${m.col}`, m.cols]));
    let longest = 0;
    for (const block of laid.blocks) {
      if (block.style !== 'table' || block.col >= laid.printColumns) continue;
      block.rows.forEach((cells, r) => {
        cells.forEach((value, c) => {
          if (typeof value !== 'string') return;
          const cols = merges.get(`${block.row + 1 + r}:${block.col + c}`) ?? 1;
          const lines = Math.ceil(value.length / (cols * GRID_WIDTH * 1.1 - 1));
          longest = Math.max(longest, value.length);
          expect(lines, value).toBeLessThanOrEqual(4);
        });
      });
    }
    // The publication names of the sample (up to ~190 characters) are among them.
    expect(longest).toBeGreaterThan(150);
  });

  it('two tables under one another get different widths for the same column', async () => {
    const laid = onPageGrid(await reportTab('2025-01'));
    const spansOfTable = (first: string) => {
      const block = laid.blocks.find((b) => b.style === 'table' && b.header?.[0] === first);
      const row = block?.row ?? -1;
      return laid.merges.filter((m) => m.row === row).map((m) => [m.col, m.cols]);
    };
    // "Nama Publikasi" is the third column of its table; in the Ringkasan table the third is a number.
    const publikasi = spansOfTable('No');
    const ringkasan = spansOfTable('Indikator');
    expect(publikasi).not.toEqual(ringkasan);
    const nama = laid.blocks.find((b) => b.header?.includes('Nama Publikasi'));
    const at = nama?.header?.indexOf('Nama Publikasi') ?? -1;
    const width = laid.merges.find((m) => m.row === nama?.row && m.col === at)?.cols ?? 1;
    expect(width * GRID_WIDTH).toBeGreaterThanOrEqual(60);
  });
});

describe('"belum tersedia" never among numbers', () => {
  it.each(MONTHS)(
    '%s: number columns hold numbers or empty cells; a note under the table says what is missing',
    async (month) => {
      const sheet = await reportTab(month);
      for (const block of sheet.blocks) {
        if (block.style !== 'table') continue;
        block.rows.forEach((cells) => {
          cells.forEach((value, c) => {
            // '' is a cell that does not apply (the Total row's share), not a missing figure.
            if ((block.formats[c] ?? 'text') !== 'text')
              expect(typeof value === 'number' || value === null || value === '', String(value)).toBe(true);
          });
        });
      }
    },
  );

  it('January 2025: the Ringkasan note names the missing cells', async () => {
    const report = await reportOf('2025-01');
    const ringkasan = report.sections[0]?.tables[0];
    if (!ringkasan) throw new Error('no table');
    expect(missingNote(ringkasan)).toBe(
      'Belum tersedia (sel kosong): Jan-24 untuk WhatsApp Blast dan Email Blast; Perubahan dari Jan-24 untuk WhatsApp Blast dan Email Blast.',
    );
    const sheet = await reportTab('2025-01');
    expect(sheet.blocks.some((b) => b.style === 'note' && b.rows[0]?.[0] === missingNote(ringkasan))).toBe(true);
  });

  it('Juli 2023: a row without any figure is named once, not once per column', async () => {
    const ringkasan = (await reportOf('2023-07')).sections[0]?.tables[0];
    if (!ringkasan) throw new Error('no table');
    expect(missingNote(ringkasan)).toBe(
      'Belum tersedia (sel kosong): Publikasi Website, Rata-rata Publikasi Konten Media Sosial, Video Conference, WhatsApp Blast, Email Blast, Konsultasi Tatap Muka, Permohonan PPID, dan Webinar/FGD (seluruh baris).',
    );
  });
});

/** Every chart of a month's report. */
const chartsOf = (report: Report): Chart[] => report.sections.flatMap((s) => s.charts);
const present = (v: number | null | undefined) => v !== null && v !== undefined;

describe('no chart draws missing data as 0 (HTML SVG, .xlsx chart data, cards)', () => {
  it.each(MONTHS)('%s: HTML bars and points only for values; donuts only when every slice is known', async (month) => {
    const charts = chartsOf(await reportOf(month));
    expect(charts.length).toBeGreaterThan(10);
    for (const chart of charts) {
      const svg = chartSvg(chart);
      const values = chart.series.flatMap((s) => s.values).filter(present).length;
      if (!chartDrawable(chart)) {
        expect(svg, chart.title).toContain('Belum ada data');
        expect(svg).not.toMatch(/<rect|<circle r=/);
        continue;
      }
      if (chart.kind === 'bar') expect(svg.match(/<rect /g)?.length ?? 0, chart.title).toBe(values);
      if (chart.kind === 'line') expect(svg.match(/<circle /g)?.length ?? 0, chart.title).toBe(values);
    }
  });

  it.each(MONTHS)(
    '%s: .xlsx charts only for drawable charts; their data keeps null (an empty cell, a gap)',
    async (month) => {
      const report = await reportOf(month);
      const [sheet] = renderSummarySheets(report);
      if (!sheet) throw new Error('no sheet');
      const drawable = new Set(
        chartsOf(report)
          .filter(chartDrawable)
          .map((c) => c.title),
      );
      for (const spec of sheet.charts) {
        expect(drawable.has(spec.title), spec.title).toBe(true);
        const data = sheet.blocks.find((b) => b.row === spec.data.row && b.col === spec.data.col);
        const source = chartsOf(report).find((c) => c.title === spec.title);
        source?.series.forEach((s, si) => {
          s.values.forEach((v, i) => {
            expect(data?.rows[i]?.[si + 1] ?? null).toBe(v ?? null);
          });
        });
      }
      // A chart of the tab with nothing to draw is said in a note, not drawn.
      const notDrawn = chartsOf(report).filter(
        (c) => !chartDrawable(c) && sheet.blocks.some((b) => String(b.rows[0]?.[0] ?? '').startsWith(`${c.title}: `)),
      );
      for (const c of notDrawn) expect(sheet.charts.some((s) => s.title === c.title)).toBe(false);
      if (month === '2023-07') expect(notDrawn.length).toBeGreaterThan(0);
    },
  );

  it.each(MONTHS)('%s: cards leave missing points out and draw no donut of a partly known whole', async (month) => {
    for (const chart of chartsOf(await reportOf(month))) {
      const element = chartElement(chart);
      if (!chartDrawable(chart)) {
        expect(element, chart.title).toBeNull();
        continue;
      }
      // Data points drawn (a donut's slices, bars, a line's points): the known values only.
      const data = ((element as { data?: unknown[] } | null)?.data ?? []) as { values?: unknown[] }[];
      const points =
        chart.kind === 'line' || (chart.kind === 'bar' && chart.series.length > 1)
          ? data.reduce((n, d) => n + (d.values?.length ?? 0), 0)
          : data.length;
      const known =
        chart.kind === 'donut' || (chart.kind === 'bar' && chart.series.length === 1)
          ? (chart.series[0]?.values ?? []).filter(present).length
          : chart.series.flatMap((s) => s.values).filter(present).length;
      expect(points, chart.title).toBe(known);
      expect(JSON.stringify(element)).not.toMatch(/"(y|value)":null/);
    }
  });
});

describe('one colour per channel in every renderer, distinct from the total’s', () => {
  const CHANNELS = [
    ['konsultasi.kanal.whatsapp', 'WhatsApp'],
    ['konsultasi.kanal.telepon', 'Telepon'],
    ['konsultasi.kanal.email', 'Email'],
    ['konsultasi.kanal.helpdesk', 'Help Desk'],
    ['konsultasi.kanal.livechat', 'Live Chat'],
  ] as const;

  it('HTML/XLSX (keyColor), the deck (chartColor) and cards (cardColor) agree by key and by name', () => {
    const total = keyColor('konsultasi.total', '');
    expect(total).toBe(keyColor('Tiket Konsultasi', ''));
    const seen = new Set<string>();
    for (const [key, name] of CHANNELS) {
      const hex = keyColor(key, '');
      expect(hex, key).not.toBe('');
      expect(keyColor(name, '')).toBe(hex);
      expect(chartColor(key, 0)).toBe(hex.slice(1).toUpperCase());
      expect(chartColor(name, 3)).toBe(hex.slice(1).toUpperCase());
      expect(cardColor(name)).toBe(cardColor(key));
      expect(cardColor(name)).not.toBe(cardColor('Tiket Konsultasi'));
      expect(hex).not.toBe(total);
      seen.add(hex);
    }
    expect(seen.size).toBe(CHANNELS.length);
    expect(new Set(CHANNELS.map(([key]) => cardColor(key))).size).toBe(CHANNELS.length);
  });

  it('the sample’s channel chart uses those colours in the HTML, the .xlsx and the card', async () => {
    const report = await reportOf('2025-01');
    const kanal = report.sections.find((s) => s.id === 'kanal')?.charts[0];
    if (!kanal) throw new Error('no chart');
    const svg = chartSvg(kanal);
    const card = JSON.stringify(chartElement(kanal));
    for (const series of kanal.series) {
      const hex = keyColor(series.key ?? series.name, '');
      expect(svg).toContain(`fill="${hex}"`);
      expect(card).toContain(`"legend":"${series.name}"`);
    }
    const xlsxKanal = renderSummarySheets(report)[0]?.charts.find(
      (c) => c.title === 'Tiket Konsultasi per Kanal Januari 2025',
    );
    expect(xlsxKanal?.colors).toEqual(
      ['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat'].map((n) => keyColor(n, '')),
    );
  });
});

describe('printing the workbook gives the report', () => {
  it('report, Validasi and Tren carry print areas and A4 setup; every log tab prints nothing; the Tren chart sits on its first page', async () => {
    const report = await reportOf('2025-01');
    const sheets = renderSummarySheets(report);
    const bytes = await summaryWorkbook(SAMPLE_XLSX, sheets);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(['Laporan 2025-01', 'Validasi', 'Tren']);
    const zip = await JSZip.loadAsync(bytes);
    const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const areas = [
      ...book.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">([^<]+)<\/definedName>/g),
    ].map((m) => [names[Number(m[1])], m[2]?.replace(/&apos;/g, "'")] as const);
    expect(areas).toHaveLength(names.length);
    for (const [name, area] of areas) {
      if (name === 'Laporan 2025-01') expect(area).toMatch(/^'Laporan 2025-01'!\$A\$1:\$AG\$\d+$/);
      else if (name === 'Validasi' || name === 'Tren') expect(area).toMatch(/!\$A\$1:\$[A-Z]+\$\d+$/);
      else {
        // One empty cell right of the log's data: nothing to print.
        const [, col] = /!\$([A-Z]+)\$1:\$\1\$1$/.exec(area ?? '') ?? [];
        expect(col, `${name} ${area}`).toBeDefined();
        const sheet = workbook.getWorksheet(name);
        expect(sheet?.getColumn(col ?? 'A').number).toBeGreaterThan(sheet?.actualColumnCount ?? 0);
      }
    }
    for (const name of ['Laporan 2025-01', 'Validasi', 'Tren'])
      expect(workbook.getWorksheet(name)?.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
      });
    const tren = sheets.find((s) => s.name === 'Tren');
    const chart = tren?.charts[0];
    const firstTable = Math.min(...(tren?.blocks ?? []).filter((b) => b.style === 'table').map((b) => b.row));
    expect(chart?.anchor.row).toBe(2);
    expect((chart?.anchor.row ?? 0) + CHART_ROWS).toBeLessThan(firstTable);
    // The chart's data sits right of the printed columns.
    expect(chart?.data.col).toBeGreaterThanOrEqual(tren?.printColumns ?? 0);
  });
});
