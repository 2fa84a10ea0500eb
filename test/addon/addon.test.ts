/**
 * The BUILT add-on bundle (dist/addon/Code.js) run in node:vm against the in-memory Apps Script
 * emulation, on the sample workbook.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticTickets } from '../../bench/synthetic';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { renderSummarySheets } from '../../core/render/sheetBlocks';
import { sheetGrid } from '../../core/render/sheetGrid';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { buildAddon } from '../../sheets-addon/build';
import { sampleRaw } from '../fixtures/sample';
import { FakeEnvironment, type FakeSheet } from './fakeAppsScript';

let code: string;
let raw: RawWorkbook;
beforeAll(async () => {
  code = await readFile(await buildAddon(), 'utf8');
  raw = await sampleRaw();
});

function setUp(workbook: RawWorkbook = raw, timeZone = 'Asia/Jakarta') {
  const env = new FakeEnvironment(timeZone);
  for (const [name, grid] of Object.entries(workbook)) env.spreadsheet.addSheet(name, grid as CellValue[][]);
  const addon = env.load(code);
  return { env, addon };
}

/** What the add-on wrote into a generated tab, as a grid of values ('' for empty). */
const writtenValues = (sheet: FakeSheet, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.cells[r]?.[c] ?? ''));

const coreSheets = (workbook: RawWorkbook, month: string) =>
  renderSummarySheets(new ReportBuilder(parseWorkbook(workbook, { now: null })).build(parseIsoMonth(month) ?? 0));

describe('the built bundle', () => {
  it('declares every entry point as a top-level function', () => {
    for (const name of [
      'onOpen',
      'onInstall',
      'showGenerateDialog',
      'getReportMonths',
      'generateReport',
      'validateData',
      'createTemplate',
      'showScheduleDialog',
      'scheduleMonthly',
      'stopSchedule',
      'runScheduledReport',
      'showHelp',
    ]) {
      expect(code).toMatch(new RegExp(`\\nfunction ${name}\\(\\) \\{`));
    }
  });

  it('onOpen builds the menu and touches no data (it runs without authorization)', () => {
    const { env, addon } = setUp();
    addon.onOpen?.({ authMode: 'NONE' });
    expect(env.menu).toEqual([
      { caption: 'Generate Report…', functionName: 'showGenerateDialog' },
      { caption: 'Validasi Data', functionName: 'validateData' },
      { caption: 'Buat Template', functionName: 'createTemplate' },
      'separator',
      { caption: 'Jadwalkan Otomatis', functionName: 'showScheduleDialog' },
      { caption: 'Hentikan Jadwal', functionName: 'stopSchedule' },
      'separator',
      { caption: 'Bantuan', functionName: 'showHelp' },
    ]);
    expect(env.log.calls.map((c) => `${c.target}.${c.method}`)).not.toContain('SpreadsheetApp.getActiveSpreadsheet');
  });
});

describe('Generate Report', () => {
  it('writes the same figures as core into "Laporan 2025-01", "Validasi" and "Tren", with charts, protected warning-only', () => {
    const { env, addon } = setUp();
    const before = new Map(env.spreadsheet.sheets.map((s) => [s.name, JSON.stringify(s.cells)]));
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toContain('Laporan Januari 2025 selesai: tab "Laporan 2025-01", "Validasi" dan "Tren".');
    expect(message).toContain("Tiket B1272: Kanal 'Whatsap' tidak dikenal; maksud Anda 'WhatsApp'?");
    expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(['Laporan 2025-01', 'Validasi', 'Tren']);

    for (const expected of coreSheets(raw, '2025-01')) {
      const sheet = env.spreadsheet.sheet(expected.name);
      const grid = sheetGrid(expected);
      const written = writtenValues(sheet, grid.numRows, grid.numColumns);
      const links = new Set(expected.links.map((l) => `${l.row},${l.col}`));
      const expectedValues = grid.values.map((row, r) =>
        row.map((value, c) => (links.has(`${r},${c}`) ? 'link' : value)),
      );
      const writtenValuesOnly = written.map((row, r) =>
        row.map((value, c) => (links.has(`${r},${c}`) ? 'link' : value)),
      );
      expect(writtenValuesOnly, expected.name).toEqual(expectedValues);
      expect(sheet.charts).toHaveLength(expected.charts.length);
      expect(sheet.protection).toEqual({
        warningOnly: true,
        description: 'Dibuat otomatis oleh Laporan DJPK; perubahan akan ditimpa',
      });
    }
    const report = env.spreadsheet.sheet('Laporan 2025-01');
    expect(report.cells.find((r) => r[0] === 'WhatsApp' && r[1] === 695)?.[2]).toBeCloseTo(0.688, 3);
    expect(report.charts.map((c) => c.type)).toEqual(['COLUMN', 'PIE', 'LINE', 'PIE', 'COLUMN', 'PIE']);
    const tiketGid = env.spreadsheet.sheet('Tiket').id;
    expect(env.spreadsheet.sheet('Validasi').cells[4]?.[2]).toBe(`=HYPERLINK("#gid=${tiketGid}&range=B1272","B1272")`);
    // The agents' tabs are exactly as they were.
    for (const [name, cells] of before) expect(JSON.stringify(env.spreadsheet.sheet(name).cells), name).toBe(cells);
  });

  it('re-running replaces the generated tabs instead of duplicating them', () => {
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    const first = JSON.stringify(env.spreadsheet.sheet('Laporan 2025-01').cells);
    addon.generateReport?.('2025-01');
    expect(env.spreadsheet.sheets.filter((s) => s.name === 'Laporan 2025-01')).toHaveLength(1);
    expect(JSON.stringify(env.spreadsheet.sheet('Laporan 2025-01').cells)).toBe(first);
  });

  it('a second concurrent run is refused with a message, and writes nothing', () => {
    const { env, addon } = setUp();
    env.lockHeldByOther = true;
    const sheetsBefore = env.spreadsheet.sheets.length;
    expect(addon.generateReport?.('2025-01')).toBe(
      'Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.',
    );
    expect(env.alerts).toEqual(['Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.']);
    expect(env.spreadsheet.sheets.length).toBe(sheetsBefore);
  });

  it('a missing tab and a renamed header give Indonesian messages, not stack traces', () => {
    const { Tiket, PPID, ...rest } = raw;
    const renamed = (Tiket ?? []).map((row, i) => (i === 0 ? row.map((h) => (h === 'Kanal' ? 'Kanall' : h)) : row));
    const { env, addon } = setUp({ ...rest, Tiket: renamed });
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toContain(
      "Kolom wajib 'Kanal' tidak ditemukan di baris 1 tab 'Tiket'; judul kolom 'Kanall' mungkin salah ketik",
    );
    expect(message).not.toMatch(/\n\s+at |TypeError|undefined|\[object/);
    const validasi = env.spreadsheet.sheet('Validasi').cells.map((r) => r.join(' | '));
    expect(
      validasi.some((r) =>
        r.includes('Tab \'PPID\' tidak ada; angka dari tab ini ditampilkan sebagai "belum ada data"'),
      ),
    ).toBe(true);
    expect(PPID).toBeDefined();
  });

  it('an invalid month and an unexpected failure are told, not thrown', () => {
    const { env, addon } = setUp();
    expect(addon.generateReport?.('2025-13')).toBe("Bulan '2025-13' tidak valid; pilih bulan dari daftar.");
    env.spreadsheet.getSpreadsheetTimeZone = () => {
      throw new Error('Layanan tidak tersedia');
    };
    expect(addon.generateReport?.('2025-01')).toBe(
      'Membuat laporan gagal: Layanan tidak tersedia. Coba lagi; bila berulang, hubungi admin dengan pesan ini.',
    );
  });

  it('a spreadsheet set to another time zone gives the same WIB figures', () => {
    const jakarta = setUp(raw, 'Asia/Jakarta');
    const newYork = setUp(raw, 'America/New_York');
    jakarta.addon.generateReport?.('2025-01');
    newYork.addon.generateReport?.('2025-01');
    for (const name of ['Laporan 2025-01', 'Tren']) {
      expect(JSON.stringify(newYork.env.spreadsheet.sheet(name).cells)).toBe(
        JSON.stringify(jakarta.env.spreadsheet.sheet(name).cells),
      );
    }
    const zone = newYork.env.spreadsheet.sheet('Laporan 2025-01').cells.find((r) => r[0] === 'WIB');
    expect(zone?.slice(0, 3)).toEqual(['WIB', 635, 19]);
  });

  it('the number of spreadsheet calls does not grow with the number of tickets', () => {
    const counts = [1_000, 50_000].map((n) => {
      const { env, addon } = setUp({ ...raw, Tiket: syntheticTickets(n) });
      env.log.clear();
      addon.generateReport?.('2025-01');
      return env.log.count();
    });
    expect(counts[1]).toBe(counts[0]);
    // 120 before the sample had the deck's two tabs (Narasi, Profil Layanan): reading a tab costs calls.
    expect(counts[0]).toBeLessThanOrEqual(130);
  });

  it('the dialog lists the months with data and defaults to the previous month', () => {
    const { env, addon } = setUp();
    addon.showGenerateDialog?.();
    expect(env.dialogs[0]?.title).toBe('Generate Report');
    expect(env.dialogs[0]?.html).toContain('google.script.run');
    const data = addon.getReportMonths?.() as {
      months: { value: string; label: string; hasData: boolean }[];
      defaultMonth: string;
    };
    expect(data.months.find((m) => m.value === '2025-01')).toEqual({
      value: '2025-01',
      label: 'Januari 2025',
      hasData: true,
    });
    expect(data.months.filter((m) => !m.hasData).map((m) => m.value)).toEqual([data.defaultMonth]);
  });
});

describe('Validasi Data, Buat Template, the schedule', () => {
  it('Validasi Data rewrites only the Validasi tab', () => {
    const { env, addon } = setUp();
    const message = String(addon.validateData?.());
    expect(message).toMatch(/^\d+ temuan \(\d+ galat\) untuk .+\. Lihat tab Validasi\.$/);
    expect(env.spreadsheet.sheets.map((s) => s.name)).toContain('Validasi');
    expect(env.spreadsheet.sheets.map((s) => s.name)).not.toContain('Tren');
  });

  it('Buat Template adds only missing tabs, with drop-downs, and never touches existing ones', () => {
    const empty = setUp({ Catatan: [['bebas']] });
    expect(empty.addon.createTemplate?.()).toMatch(
      /^Tab ditambahkan: Tiket, Chatbot, Publikasi, .*Hari Libur, Narasi, Profil Layanan\.$/,
    );
    const tiket = empty.env.spreadsheet.sheet('Tiket');
    expect(tiket.cells[0]?.slice(0, 3)).toEqual(['Tanggal', 'Kanal', 'Kategori Pengguna']);
    expect(tiket.validations.get('2,2,2000,1')).toEqual({
      values: ['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat'],
      allowInvalid: true,
    });
    expect(tiket.frozenRows).toBe(1);
    expect(empty.env.spreadsheet.sheet('Catatan').cells).toEqual([['bebas']]);

    const full = setUp();
    const before = JSON.stringify(full.env.spreadsheet.sheets.map((s) => s.cells));
    expect(full.addon.createTemplate?.()).toBe('Semua tab pencatatan sudah ada; tidak ada yang diubah.');
    expect(JSON.stringify(full.env.spreadsheet.sheets.map((s) => s.cells))).toBe(before);
  });

  it('Jadwalkan Otomatis creates one monthly trigger; Hentikan Jadwal removes it; the trigger runs without a UI', () => {
    const { env, addon } = setUp();
    env.promptResponse = { button: 'OK', text: '31' };
    expect(addon.showScheduleDialog?.()).toBe('Tanggal harus bilangan 1 sampai 28 (agar ada di setiap bulan).');
    env.promptResponse = { button: 'OK', text: '5' };
    expect(addon.showScheduleDialog?.()).toBe(
      'Laporan bulan sebelumnya akan dibuat otomatis setiap tanggal 5 pukul 07.00 WIB.',
    );
    addon.scheduleMonthly?.(5);
    expect(env.triggers).toEqual([
      expect.objectContaining({ handler: 'runScheduledReport', monthDay: 5, hour: 7, timeZone: 'Asia/Jakarta' }),
    ]);
    expect(code).toMatch(/\nfunction runScheduledReport\(\)/);

    env.uiAvailable = false;
    const message = String(addon.runScheduledReport?.());
    expect(message).toMatch(/^Laporan .+ selesai/);
    env.uiAvailable = true;

    expect(addon.stopSchedule?.()).toBe('Jadwal otomatis dihentikan.');
    expect(env.triggers).toEqual([]);
    expect(addon.stopSchedule?.()).toBe('Tidak ada jadwal otomatis yang aktif.');
  });
});
