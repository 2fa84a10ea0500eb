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
import { messageOf } from './errors';
import { readTrackingTabs } from './spreadsheetSource';
import { writeSummarySheets } from './spreadsheetWriter';
import { addMissingTemplateTabs } from './template';

const TITLE = 'Laporan DJPK';
const SCHEDULE_HANDLER = 'runScheduledReport';
const SCHEDULE_PROPERTY = 'djpk.jadwalTanggal';

/** The month before the current WIB month: the default report month. */
const previousCalendarMonth = () => monthOfWallClock(wibNow()) - 1;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Shows an Indonesian message in place of a stack trace; returns it for google.script.run callers.
 * An alert asks for the UI (only then: getUi is a service call); time-driven triggers have none, so
 * the message becomes a toast. `spreadsheet` saves a second getActiveSpreadsheet when one is at hand.
 */
function tell(message: string, alert = false, spreadsheet?: Spreadsheet): string {
  if (alert) {
    try {
      const surface = SpreadsheetApp.getUi();
      surface.alert(TITLE, message, surface.ButtonSet.OK);
      return message;
    } catch {
      // no UI in this context: fall through to a toast
    }
  }
  (spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet()).toast(message, TITLE, 8);
  return message;
}

/** An unexpected failure of `action`, logged, as one Indonesian sentence a person can act on. */
function failureMessage(action: string, error: unknown): string {
  const reason = messageOf(error);
  console.error(`${action}: ${reason}`);
  return `${action} gagal: ${reason}. Coba lagi; bila berulang, hubungi admin dengan pesan ini.`;
}

function guarded<T>(action: string, run: () => T): T | string {
  try {
    return run();
  } catch (error) {
    return tell(failureMessage(action, error), true);
  }
}

/** Runs `work` under the document lock so that two people never write the same tabs at once. */
function withDocumentLock<T>(work: () => T): T | string {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(3000)) {
    return tell('Laporan sedang dibuat oleh pengguna lain. Tunggu sebentar lalu coba lagi.', true);
  }
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
    .addItem('Jadwalkan Otomatis', 'showScheduleDialog')
    .addItem('Hentikan Jadwal', 'stopSchedule')
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

/** Generate Report: reads the tracking tabs, computes with core, recreates the summary tabs. */
export function generateReport(month?: string): string {
  return String(
    guarded('Membuat laporan', () =>
      withDocumentLock(() => {
        const m = month === undefined || month === '' ? previousCalendarMonth() : parseIsoMonth(month);
        if (m === null) return tell(`Bulan '${month}' tidak valid; pilih bulan dari daftar.`, true);
        // No progress toasts: the dialog shows its own status, and each toast is a service call.
        const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
        const { raw, sheets } = readTrackingTabs(spreadsheet);
        const builder = new ReportBuilder(parseWorkbook(raw, { now: wibNow() }));
        const report = builder.build(m);
        writeSummarySheets(spreadsheet, renderSummarySheets(report), sheets);
        const findings = findingsForMonth(report);
        const errors = findings.filter((f) => f.severity === 'error');
        const noData = report.monthsWithData.includes(report.month) ? '' : ` Data ${report.monthLabel} belum tersedia.`;
        const summary = `Laporan ${report.monthLabel} selesai: tab "Laporan ${report.month}", "Validasi" dan "Tren".${noData}`;
        if (errors.length === 0) return tell(`${summary} ${findings.length} temuan data.`, false, spreadsheet);
        const first = errors
          .slice(0, 3)
          .map((f) => `• ${f.tab}${f.cell ? ` ${f.cell}` : ''}: ${f.message}`)
          .join('\n');
        return tell(
          `${summary}\n${errors.length} galat data (baris tersebut tidak dihitung):\n${first}\nLihat tab Validasi.`,
          true,
        );
      }),
    ),
  );
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
      }),
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
      }),
    ),
  );
}

export function showScheduleDialog(): string {
  const surface = SpreadsheetApp.getUi();
  const answer = surface.prompt(
    'Jadwalkan Otomatis',
    'Laporan bulan sebelumnya dibuat otomatis setiap bulan pukul 07.00 WIB. Tanggal berapa (1–28)?',
    surface.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== surface.Button.OK) return 'Dibatalkan.';
  return scheduleMonthly(Number(answer.getResponseText().trim()));
}

export function scheduleMonthly(day: number): string {
  return String(
    guarded('Menjadwalkan laporan', () => {
      if (!Number.isInteger(day) || day < 1 || day > 28) {
        return tell('Tanggal harus bilangan 1 sampai 28 (agar ada di setiap bulan).', true);
      }
      removeScheduleTriggers();
      ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().onMonthDay(day).atHour(7).inTimezone('Asia/Jakarta').create();
      PropertiesService.getDocumentProperties().setProperty(SCHEDULE_PROPERTY, String(day));
      return tell(`Laporan bulan sebelumnya akan dibuat otomatis setiap tanggal ${day} pukul 07.00 WIB.`);
    }),
  );
}

export function stopSchedule(): string {
  return String(
    guarded('Menghentikan jadwal', () => {
      const removed = removeScheduleTriggers();
      PropertiesService.getDocumentProperties().deleteProperty(SCHEDULE_PROPERTY);
      return tell(removed ? 'Jadwal otomatis dihentikan.' : 'Tidak ada jadwal otomatis yang aktif.');
    }),
  );
}

function removeScheduleTriggers(): number {
  const triggers = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === SCHEDULE_HANDLER);
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
  return triggers.length;
}

/** The time-driven trigger: the previous month's report, no UI. */
export function runScheduledReport(): string {
  const message = generateReport(toIsoMonth(previousCalendarMonth()));
  console.log(message);
  return message;
}
