import { beforeAll, describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../core/workbook/workbook';
import {
  CELL_LIMIT,
  FakeEnvironment,
  MANIFEST_SCOPES,
  NEW_SHEET_COLUMNS,
  NEW_SHEET_ROWS,
  overTheWire,
  TIMEOUT_MESSAGE,
  WireError,
} from './fakeAppsScript';
import { addonAndSample, type BuiltAddon, GENERATED, snapshot, spreadsheetWith } from './harness';

let built: BuiltAddon;
let raw: RawWorkbook;
beforeAll(async () => {
  ({ built, raw } = await addonAndSample());
});

const setUp = (workbook: RawWorkbook = raw) => spreadsheetWith(workbook, built).env;

const snapshots = (env: FakeEnvironment) => env.spreadsheet.sheets.map(snapshot);
/** Tabs a stopped or failed run of the add-on would leave behind. */
const leftovers = (env: FakeEnvironment) =>
  env.spreadsheet.sheets.map((s) => s.name).filter((n) => / \((sedang dibuat|lama)\)$/.test(n));

/** A tab's content as generated, without what differs between two spreadsheets (ids, gids). */
const content = (env: FakeEnvironment, name: string) => {
  const sheet = env.spreadsheet.sheet(name);
  return JSON.stringify({ cells: sheet.cells, charts: sheet.charts, styles: [...sheet.styles] }).replaceAll(
    String(env.spreadsheet.sheet('Tiket').id),
    'GID',
  );
};

/** The sample after one Generate Report of January 2025, as the team would have it. */
function withReport(workbook: RawWorkbook = raw) {
  const env = setUp(workbook);
  expect(env.scriptRun('generateReport', '2025-01')).toMatchObject({ ok: true });
  return env;
}

describe('executions: each loads the script afresh, in its own authorization mode', () => {
  it('a global set by one execution is gone in the next (the whole script loads for every run)', () => {
    const env = new FakeEnvironment();
    env.load('var runs = 0;\nfunction bump() {\n  runs++;\n  return runs;\n}\n');
    expect([env.run('bump'), env.run('bump')]).toEqual([1, 1]);
  });

  it("onOpen runs in AuthMode.NONE and LIMITED: the add-on's global statements and menu touch nothing else", () => {
    for (const authMode of ['NONE', 'LIMITED'] as const) {
      const env = setUp();
      env.run('onOpen', [{ authMode }], { kind: 'simpleTrigger', authMode });
      expect(env.menu.filter((m) => m !== 'separator').map((m) => m.functionName)).toEqual([
        'showGenerateDialog',
        'validateData',
        'createTemplate',
        'showHelp',
      ]);
      expect(env.log.calls.map((c) => `${c.target}.${c.method}`)).toEqual([
        'SpreadsheetApp.getUi',
        'Ui.createAddonMenu',
        ...['addItem', 'addItem', 'addItem', 'addSeparator', 'addItem', 'addToUi'].map((m) => `Menu.${m}`),
      ]);
    }
  });

  it('in AuthMode.NONE the spreadsheet and dialogs are out of reach, as on the platform', () => {
    const env = setUp();
    expect(() => env.run('showGenerateDialog', [], { kind: 'simpleTrigger', authMode: 'NONE' })).toThrow(
      'HtmlService.createHtmlOutputFromFile is not allowed in AuthMode.NONE',
    );
    expect(() => env.run('validateData', [], { kind: 'simpleTrigger', authMode: 'NONE' })).toThrow(
      'not allowed in AuthMode.NONE',
    );
  });

  it('a time-driven trigger would get no spreadsheet, no UI and no document lock', () => {
    const env = new FakeEnvironment();
    env.load(
      'function probe() {\n  var ui;\n  try { SpreadsheetApp.getUi(); } catch (e) { ui = e.message; }\n  return [SpreadsheetApp.getActiveSpreadsheet(), LockService.getDocumentLock(), ui];\n}\n',
    );
    expect(env.run('probe', [], { kind: 'timeDriven' })).toEqual([
      null,
      null,
      'Cannot call SpreadsheetApp.getUi() from this context.',
    ]);
  });

  it('the add-on sets no trigger: no function of it runs without the spreadsheet open, and it asks for no script.scriptapp', () => {
    // The monthly summary is the Teams bot's; a clock trigger of an editor add-on has no document,
    // so it could only open the sheet by id with the full spreadsheets scope (README, add-on).
    expect(built.code).not.toMatch(/\bScriptApp\b|\bPropertiesService\b|runScheduledReport|timeBased/);
    expect(MANIFEST_SCOPES).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});

describe("the manifest's two scopes are each needed, and enough", () => {
  it('without spreadsheets.currentonly nothing reads the sheet; without script.container.ui no dialog opens', () => {
    const noSheet = setUp();
    noSheet.scopes = MANIFEST_SCOPES.filter((s) => !s.endsWith('spreadsheets.currentonly'));
    expect(noSheet.scriptRun('getReportMonths')).toEqual({
      ok: false,
      error: expect.stringContaining(
        'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
      ),
    });
    const noUi = setUp();
    noUi.scopes = MANIFEST_SCOPES.filter((s) => !s.endsWith('script.container.ui'));
    expect(() => noUi.run('showGenerateDialog')).toThrow(
      'Specified permissions are not sufficient to call Ui.showModalDialog',
    );
    // With exactly the manifest's scopes the menu items and the dialog's calls all work.
    const env = setUp();
    env.run('showGenerateDialog');
    env.run('showHelp');
    expect(env.dialogs.map((d) => d.title)).toEqual(['Generate Report', 'Bantuan Laporan DJPK']);
    expect(String(env.run('validateData'))).toMatch(/temuan/);
    expect(env.scriptRun('generateReport', '2025-01')).toMatchObject({ ok: true });
  });
});

describe('google.script.run', () => {
  it('lets through what the documentation allows and refuses the rest, naming where', () => {
    expect(overTheWire({ a: [1, undefined, 'x'], b: undefined, c: null, d: { e: true } })).toEqual({
      a: [1, null, 'x'],
      c: null,
      d: { e: true },
    });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    for (const [value, where] of [
      [{ deck: { date: new Date(0) } }, 'nilai.deck.date: Date'],
      [[() => 1], 'nilai[0]: function'],
      [{ bytes: new Uint8Array(2) }, 'nilai.bytes: Uint8Array'],
      [{ m: new Map() }, 'nilai.m: Map'],
      [{ n: Number.NaN }, 'nilai.n: NaN'],
      [circular, 'nilai.self: referensi melingkar'],
    ] as const)
      expect(() => overTheWire(value), where).toThrow(where);
  });

  it('a Date sent by the dialog fails in the browser; the add-on takes the month as text', () => {
    const env = setUp();
    expect(() => env.scriptRun('getDeckData', new Date(Date.UTC(2025, 0, 1)))).toThrow(WireError);
    expect(env.log.calls).toEqual([]);
    expect(env.scriptRun('getDeckData', '2025-01')).toMatchObject({ ok: true, value: { fileStem: 'laporan-2025-01' } });
  });

  it("every answer of the dialog's three calls crosses the wire, for every month the dialog offers", () => {
    const env = setUp();
    const months = env.scriptRun('getReportMonths');
    if (!months.ok) throw new Error(months.error);
    const offered = (months.value as { months: { value: string }[] }).months.map((m) => m.value);
    expect(offered.length).toBeGreaterThan(12);
    for (const month of offered) expect(env.scriptRun('getDeckData', month).ok, month).toBe(true);
    expect(env.scriptRun('generateReport', '2025-01')).toMatchObject({
      ok: true,
      value: expect.stringContaining('selesai'),
    });
  });
});

describe('tab names are unique regardless of case', () => {
  it('Sheets refuses "tren" beside "Tren" when a tab is added or renamed', () => {
    const env = setUp({ Tren: [['x']], Catatan: [['y']] });
    const spreadsheet = env.spreadsheet;
    expect(() => spreadsheet.insertSheet('TREN')).toThrow('A sheet with the name "TREN" already exists');
    expect(() => spreadsheet.sheet('Catatan').setName('tren')).toThrow('already exists');
  });

  it("the team's tabs 'TREN' and 'validasi' survive as they are, and nothing is left half-built", () => {
    for (const ignoresCase of [false, true]) {
      const env = setUp({ ...raw, validasi: [['catatan tim']], TREN: [['grafik tim']] });
      env.sheetByNameIgnoresCase = ignoresCase;
      const before = snapshots(env);
      const outcome = env.scriptRun('generateReport', '2025-01');
      expect(outcome).toEqual({
        ok: false,
        error:
          "Membuat laporan gagal: tab 'validasi' dan 'TREN' bukan buatan Laporan DJPK, dan Google Sheets tidak membedakan huruf besar/kecil pada nama tab, jadi tab 'Validasi' dan 'Tren' tidak dapat dibuat. Ganti nama tab 'validasi' dan 'TREN', lalu buat laporan lagi. Tidak ada tab yang diubah.",
      });
      expect(snapshots(env)).toEqual(before);
      expect(leftovers(env)).toEqual([]);
      // Renamed by the team, the report is written and their tabs are still theirs.
      env.spreadsheet.sheet('validasi').name = 'Catatan Validasi';
      env.spreadsheet.sheet('TREN').name = 'Grafik Tim';
      expect(env.scriptRun('generateReport', '2025-01')).toMatchObject({ ok: true });
      expect(env.spreadsheet.sheet('Catatan Validasi').cells).toEqual([['catatan tim']]);
      expect(env.spreadsheet.sheet('Grafik Tim').cells).toEqual([['grafik tim']]);
      expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
    }
  });

  it('a team tab "TREN" beyond the tabs the add-on names is found at the rename, and every tab goes back as it was', () => {
    for (const ignoresCase of [false, true]) {
      const env = withReport();
      env.sheetByNameIgnoresCase = ignoresCase;
      // Twelve old report tabs first: reading stops naming tabs once every tracking tab is found.
      const report = env.spreadsheet.sheet('Laporan 2025-01');
      for (let m = 1; m <= 12; m++)
        env.spreadsheet.addSheet(`Laporan 2024-${String(m).padStart(2, '0')}`, report.cells);
      env.spreadsheet.sheet('Tren').name = 'TREN';
      env.spreadsheet.sheet('TREN').cells = [['tab tim']];
      const before = snapshots(env);
      const outcome = env.scriptRun('generateReport', '2025-01');
      expect(outcome.ok).toBe(false);
      expect(outcome.ok || outcome.error).toContain("tab 'TREN' bukan buatan Laporan DJPK");
      expect(snapshots(env)).toEqual(before);
      expect(leftovers(env)).toEqual([]);
    }
  });
});

describe('a spreadsheet holds at most 10 million cells', () => {
  it('near the limit, Generate Report says so in Indonesian and leaves every tab as it was', () => {
    const env = withReport();
    const tiket = env.spreadsheet.sheet('Tiket');
    // Room for one new tab of 1,000 × 26 cells, not for three.
    tiket.maxRows = Math.floor(
      (CELL_LIMIT - env.spreadsheet.cellCount() + tiket.maxRows * tiket.maxColumns - 40_000) / tiket.maxColumns,
    );
    const before = snapshots(env);
    expect(CELL_LIMIT - env.spreadsheet.cellCount()).toBeGreaterThan(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const outcome = env.scriptRun('generateReport', '2025-01');
    expect(outcome).toEqual({
      ok: false,
      error:
        'Membuat laporan gagal: spreadsheet sudah mencapai batas Google Sheets (10 juta sel, dihitung dari ukuran setiap tab termasuk baris dan kolom kosong). Hapus tab yang tidak dipakai lagi, mis. tab Laporan bulan lama, atau baris dan kolom kosong di tab besar, lalu buat laporan lagi.',
    });
    expect(snapshots(env)).toEqual(before);
    expect(leftovers(env)).toEqual([]);
  });
});

describe('Apps Script stops a run at its runtime limit, wherever it is', () => {
  it('the previous report is never lost, and the next run leaves exactly the three tabs, as a clean run does', () => {
    const clean = withReport();
    clean.log.clear();
    expect(clean.scriptRun('generateReport', '2025-01')).toMatchObject({ ok: true });
    const calls = clean.log.count();
    const expected = GENERATED.map((name) => content(clean, name));
    // Every call of the swap at the end, and a sample of the calls that build the tabs.
    const points = [
      ...Array.from({ length: 18 }, (_, i) => calls - 18 + i),
      ...Array.from({ length: 8 }, (_, i) => 5 + i * 12),
    ];
    for (const k of points) {
      const env = withReport();
      const previous = GENERATED.map((name) => content(env, name));
      env.log.killAtCall(k);
      expect(env.scriptRun('generateReport', '2025-01'), `stopped at call ${k}`).toEqual({
        ok: false,
        error: TIMEOUT_MESSAGE,
      });
      // Stopped anywhere, each previous tab is still there, under its name or set aside as "(lama)".
      const names = env.spreadsheet.sheets.map((s) => s.name);
      for (const [i, name] of GENERATED.entries()) {
        const kept = names.filter((n) => (n === name || n === `${name} (lama)`) && content(env, n) === previous[i]);
        expect([name, k, kept.length > 0]).toEqual([name, k, true]);
      }
      expect(env.scriptRun('generateReport', '2025-01'), `after a stop at call ${k}`).toMatchObject({ ok: true });
      expect([leftovers(env), k]).toEqual([[], k]);
      expect(env.spreadsheet.sheets.map((s) => s.name).slice(-3)).toEqual(GENERATED);
      expect(GENERATED.map((name) => content(env, name))).toEqual(expected);
    }
    // About 70 whole report runs in the emulator: ~25 s on a quiet 2-core machine, over 60 s under load.
  }, 180_000);
});
