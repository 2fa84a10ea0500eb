/**
 * Entry points of the Sheets add-on. The bundle exposes each export as a top-level function
 * (build.ts generates the stubs), since Apps Script calls only top-level functions.
 */
import { monthLabel } from '../../core/format/idDate';
import { ReportBuilder } from '../../core/metrics/report';
import { monthOfWallClock, parseIsoMonth, toIsoMonth, wibWallClock } from '../../core/period/yearMonth';

/** Today's WIB wall-clock, for the "future date" check and the default month. */
const wibNow = (): number => wibWallClock(Date.now());

import { findingsForMonth } from '../../core/metrics/monthFindings';
import { renderSummarySheets, VALIDATION_SHEET } from '../../core/render/sheetBlocks';
import { parseWorkbook } from '../../core/workbook/workbook';
import { type DeckPayload, deckPayload } from './deckPayload';
import { HELP_DIALOG } from './dialogs';
import { messageOf, SpreadsheetProblem } from './errors';
import { readTrackingTabs } from './spreadsheetSource';
import { writeSummarySheets } from './spreadsheetWriter';
import { addMissingTemplateTabs } from './template';

const TITLE = 'Laporan DJPK';

/** The month before the current WIB month: the default report month. */
const previousCalendarMonth = () => monthOfWallClock(wibNow()) - 1;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Menu items only: shows an Indonesian message in place of a stack trace (an alert, or a toast for
 * news that needs no answer) and returns it. `spreadsheet` saves a second getActiveSpreadsheet.
 * Functions the dialog calls through google.script.run never use it: they return their message or
 * throw it, and the dialog shows it.
 */
function tell(message: string, alert = false, spreadsheet?: Spreadsheet): string {
  if (alert) {
    const surface = SpreadsheetApp.getUi();
    surface.alert(TITLE, message, surface.ButtonSet.OK);
    return message;
  }
  (spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet()).toast(message, TITLE, 8);
  return message;
}

/** An unexpected failure of `action`, logged, as one Indonesian sentence a person can act on. */
function failureMessage(action: string, error: unknown): string {
  const reason = messageOf(error);
  console.error(`${action}: ${reason}`);
  if (error instanceof SpreadsheetProblem) return `${action} gagal: ${reason}.`;
  return `${action} gagal: ${reason}. Coba lagi; bila berulang, hubungi admin dengan pesan ini.`;
}

function guarded<T>(action: string, run: () => T): T | string {
  try {
    return run();
  } catch (error) {
    return tell(failureMessage(action, error), true);
  }
}

const BUSY = 'Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.';

/**
 * Runs `work` under the document lock so that two people never write the same tabs at once; `busy`
 * says what happens when someone else holds it. Every caller runs from the menu or the dialog, inside
 * the spreadsheet, where the lock exists (LockService returns null only outside a document).
 */
function withDocumentLock<T>(work: () => T, busy: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(3000)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

export function onOpen(): void {
  // Nothing here needs authorization: onOpen also runs in AuthMode.NONE.
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Generate Report…', 'showGenerateDialog')
    .addItem('Validasi Data', 'validateData')
    .addItem('Buat Template', 'createTemplate')
    .addSeparator()
    .addItem('Bantuan', 'showHelp')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** The dialog is an HTML file of the project (build.ts): it carries the deck renderers, which Code.js must not. */
export const GENERATE_DIALOG_FILE = 'GenerateDialog';

export function showGenerateDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile(GENERATE_DIALOG_FILE).setWidth(460).setHeight(380);
  SpreadsheetApp.getUi().showModalDialog(html, 'Generate Report');
}

export function showHelp(): void {
  const html = HtmlService.createHtmlOutput(HELP_DIALOG).setWidth(520).setHeight(420);
  SpreadsheetApp.getUi().showModalDialog(html, 'Bantuan Laporan DJPK');
}

/** For the dialog: the months that have data (newest first) and the default (the previous month). */
export function getReportMonths(): {
  months: { value: string; label: string; hasData: boolean }[];
  defaultMonth: string;
} {
  const { raw } = readTrackingTabs(SpreadsheetApp.getActiveSpreadsheet());
  const withData = new ReportBuilder(parseWorkbook(raw, { now: wibNow() })).figures.monthsWithData();
  const fallback = previousCalendarMonth();
  const months = [...new Set([fallback, ...withData])].sort((a, b) => b - a);
  return {
    months: months.map((m) => ({ value: toIsoMonth(m), label: monthLabel(m), hasData: withData.includes(m) })),
    defaultMonth: toIsoMonth(fallback),
  };
}

/**
 * Generate Report, from the dialog (google.script.run): reads the tracking tabs, computes with core,
 * recreates the summary tabs. Returns the message the dialog shows; a failure is thrown as one
 * Indonesian sentence, which reaches the dialog's failure handler. No alert or toast: the dialog is
 * the surface, and an alert over it would only repeat the message.
 */
export function generateReport(month?: string): string {
  const m = month === undefined || month === '' ? previousCalendarMonth() : parseIsoMonth(String(month));
  if (m === null) throw new Error(`Bulan '${month}' tidak valid; pilih bulan dari daftar.`);
  try {
    return withDocumentLock(
      () => {
        const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
        const { raw, sheets } = readTrackingTabs(spreadsheet);
        const builder = new ReportBuilder(parseWorkbook(raw, { now: wibNow() }));
        const report = builder.build(m);
        writeSummarySheets(spreadsheet, renderSummarySheets(report), sheets);
        const findings = findingsForMonth(report);
        const errors = findings.filter((f) => f.severity === 'error');
        const noData = report.monthsWithData.includes(report.month) ? '' : ` Data ${report.monthLabel} belum tersedia.`;
        const summary = `Laporan ${report.monthLabel} selesai: tab "Laporan ${report.month}", "Validasi" dan "Tren".${noData}`;
        if (errors.length === 0) return `${summary} ${findings.length} temuan data.`;
        const first = errors
          .slice(0, 3)
          .map((f) => `• ${f.tab}${f.cell ? ` ${f.cell}` : ''}: ${f.message}`)
          .join('\n');
        return `${summary}\n${errors.length} galat data (baris tersebut tidak dihitung):\n${first}\nLihat tab Validasi.`;
      },
      () => {
        throw new Error(BUSY);
      },
    );
  } catch (error) {
    if (error instanceof Error && error.message === BUSY) throw error;
    throw new Error(failureMessage('Membuat laporan', error));
  }
}

/**
 * For the dialog's "Unduh PPTX" / "Unduh PDF": the month's deck as data, computed here like the
 * report tabs; the dialog's browser draws the file. Reads only, so it takes no lock.
 */
export function getDeckData(month: string): DeckPayload {
  const m = parseIsoMonth(String(month));
  // google.script.run hands a thrown Error's message to the dialog's failure handler: keep it Indonesian.
  if (m === null) throw new Error(`Bulan '${month}' tidak valid; pilih bulan dari daftar.`);
  try {
    const { raw } = readTrackingTabs(SpreadsheetApp.getActiveSpreadsheet());
    const workbook = parseWorkbook(raw, { now: wibNow() });
    return deckPayload(new ReportBuilder(workbook).build(m), workbook);
  } catch (error) {
    throw new Error(failureMessage('Menyiapkan deck', error));
  }
}

/** Menu items that write run under the document lock; someone else holding it gets an alert. */
const busyAlert = () => tell(BUSY, true);

/** Validasi Data: only the Validasi tab is rewritten, for the previous month and undated problems. */
export function validateData(): string {
  return String(
    guarded('Validasi data', () =>
      withDocumentLock(() => {
        const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
        const { raw, sheets } = readTrackingTabs(spreadsheet);
        const report = new ReportBuilder(parseWorkbook(raw, { now: wibNow() })).build(previousCalendarMonth());
        const validation = renderSummarySheets(report).filter((s) => s.name === VALIDATION_SHEET);
        writeSummarySheets(spreadsheet, validation, sheets);
        const findings = findingsForMonth(report);
        const errors = findings.filter((f) => f.severity === 'error').length;
        return tell(
          `${findings.length} temuan (${errors} galat) untuk ${report.monthLabel}. Lihat tab Validasi.`,
          false,
          spreadsheet,
        );
      }, busyAlert),
    ),
  );
}

export function createTemplate(): string {
  return String(
    guarded('Membuat template', () =>
      withDocumentLock(() => {
        const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
        const added = addMissingTemplateTabs(spreadsheet);
        return tell(
          added.length
            ? `Tab ditambahkan: ${added.join(', ')}.`
            : 'Semua tab pencatatan sudah ada; tidak ada yang diubah.',
          false,
          spreadsheet,
        );
      }, busyAlert),
    ),
  );
}
