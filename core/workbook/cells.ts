import { monthFromWord } from '../period/monthNames';
import { type MonthIndex, monthIndex } from '../period/yearMonth';
import { xmlSafeText } from '../text/xmlText';

/**
 * A plain cell value as every source adapter delivers it.
 *
 * Dates: a `Date` whose UTC fields ARE the WIB wall-clock time written in the sheet (exceljs
 * delivers exactly that; the Apps Script and Sheets API adapters convert to it). Core therefore
 * never depends on the machine's time zone: it only ever reads getUTC* fields.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A wall-clock moment: UTC-encoded WIB time, and whether the cell carried a time of day. */
export interface WallClock {
  readonly ms: number;
  readonly hasTime: boolean;
}

export type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
export const fail = <T>(message: string): Coerced<T> => ({ ok: false, message });

export const isBlank = (cell: CellValue): boolean => {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // A text starting with a printable ASCII character is not blank: no trim for the common case.
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === '';
};

/**
 * Longest text a cell may hold (Google Sheets' own limit). Sources stop reading a cell one
 * character past it, so a longer cell is recognised as cut without ever being held whole.
 */
export const MAX_CELL_CHARS = 50_000;

/**
 * Most rows a tab may have: Excel's sheet limit (1,048,576). Under Google Sheets' 10 million cells
 * a tracking tab of 10 or more columns never comes near it. Sources refuse a tab whose non-blank
 * rows go past it and never store blank rows, so a file of blank lines costs nothing.
 */
export const MAX_TAB_ROWS = 1_048_576;

/** Most columns a row may have: Google Sheets' limit (18,278, column ZZZ); Excel's is 16,384. */
export const MAX_TAB_COLUMNS = 18_278;

/** Longest quotation of a cell in a message: enough to find the cell, never the whole of a long one. */
export const QUOTE_CHARS = 80;

/**
 * A cell's text for a message: trimmed, cut to QUOTE_CHARS with "…" when longer, and free of what
 * XML forbids (a message is written into the Validasi tab whatever column it quotes).
 */
export function quoteText(text: string): string {
  const t = xmlSafeText(text.length > QUOTE_CHARS * 4 ? text.slice(0, QUOTE_CHARS * 4) : text).trim();
  if (t.length <= QUOTE_CHARS) return t;
  let end = QUOTE_CHARS - 1;
  const last = t.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${t.slice(0, end)}…`;
}

const FORMULA_ERROR = /^#(REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)/i;

/** Indonesian description of a raw cell for messages: text in quotes, numbers as written. */
export function describeCell(cell: CellValue): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'tanggal kosong' : cell.toISOString();
  if (typeof cell === 'string') return `'${quoteText(cell)}'`;
  return String(cell);
}

export function formulaError(cell: CellValue): string | null {
  // Cheap test first: this runs for every text cell of every log.
  if (typeof cell !== 'string' || !cell.includes('#')) return null;
  const match = FORMULA_ERROR.exec(cell.trim());
  return match ? `Sel berisi galat rumus ${match[0].toUpperCase()}; perbaiki rumusnya di sheet` : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0));

// Excel and Google Sheets count days from 1899-12-30; 25569 is 1970-01-01.
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const MS_PER_DAY = 86_400_000;

function fromParts(
  y: number,
  mo: number,
  d: number,
  h: number | null,
  mi: number | null,
  s: number | null,
  raw: string,
): Coerced<WallClock> {
  if (y < 100) y += 2000;
  if (y < 1900 || y > 2100) return fail(`Tahun pada tanggal '${raw}' tidak masuk akal`);
  if (mo < 1 || mo > 12) return fail(`Tanggal '${raw}' tidak valid: bulan ${mo} tidak ada`);
  if (d < 1 || d > daysIn(y, mo)) return fail(`Tanggal '${raw}' tidak ada di kalender`);
  if ((h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return fail(`Jam pada '${raw}' tidak valid`);
  return ok({ ms: Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0), hasTime: h !== null });
}

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ISO_YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/;
const WORD_DMY = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{2}|\d{4})(?:[ ,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

/** A time of day is any remainder within the (UTC-encoded) day; sub-second noise is ignored. */
export const hasTimeOfDay = (ms: number): boolean => ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY >= 1000;

/** Dates as agents type them: see TRACKING_WORKBOOK.md "Dates". */
export function coerceDate(cell: CellValue): Coerced<WallClock> {
  if (cell instanceof Date) {
    const ms = cell.getTime();
    if (Number.isNaN(ms)) return fail('Tanggal tidak valid');
    return ok({ ms, hasTime: hasTimeOfDay(ms) });
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2_958_466) {
      return fail(`Angka ${cell} bukan tanggal; isi dengan format DD/MM/YYYY`);
    }
    const ms = Math.round(((cell - EXCEL_EPOCH_OFFSET_DAYS) * MS_PER_DAY) / 1000) * 1000;
    return ok({ ms, hasTime: ms % MS_PER_DAY !== 0 });
  }
  if (typeof cell !== 'string') return fail(`Nilai ${describeCell(cell)} bukan tanggal`);
  const raw = cell.trim();
  const formula = formulaError(raw);
  if (formula) return fail(formula);
  const quoted = quoteText(raw);
  let m = NUMERIC_DMY.exec(raw);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]), num(m[4]), num(m[5]), num(m[6]), raw);
  m = ISO_YMD.exec(raw);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), num(m[4]), num(m[5]), num(m[6]), raw);
  m = WORD_DMY.exec(raw);
  if (m) {
    const month = monthFromWord(m[2] ?? '');
    if (month === null) return fail(`Nama bulan '${m[2]}' pada tanggal '${quoted}' tidak dikenal`);
    return fromParts(Number(m[3]), month, Number(m[1]), num(m[4]), num(m[5]), num(m[6]), raw);
  }
  return fail(`Teks '${quoted}' bukan tanggal; gunakan DD/MM/YYYY, YYYY-MM-DD atau "7 Januari 2025"`);
}

const GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^-?\d+(,\d+)?$/;
const DOT_DECIMAL = /^-?\d*\.\d+$/;

/** Numbers: a number cell, or Indonesian text such as "1.010" or "81,58". */
export function coerceNumber(cell: CellValue): Coerced<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('Angka tidak valid');
  if (typeof cell !== 'string') return fail(`Nilai ${describeCell(cell)} bukan angka`);
  const raw = cell.trim().replace(/\s/g, '');
  const formula = formulaError(raw);
  if (formula) return fail(formula);
  if (GROUPED.test(raw)) return ok(Number(raw.replace(/\./g, '').replace(',', '.')));
  if (COMMA_DECIMAL.test(raw)) return ok(Number(raw.replace(',', '.')));
  if (DOT_DECIMAL.test(raw)) return ok(Number(raw));
  return fail(`Teks '${quoteText(cell)}' bukan angka; tulis misalnya 1.010 atau 81,58`);
}

const ISO_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_SLASH_YEAR = /^(\d{1,2})[-/](\d{4})$/;
const WORD_YEAR = /^([A-Za-z]+)[\s-]+(\d{2}|\d{4})$/;

/** `Bulan` cells: a date, "YYYY-MM", "MM/YYYY", "Jan-25", "Januari 2025". */
export function coerceMonth(cell: CellValue): Coerced<MonthIndex> {
  if (cell instanceof Date || typeof cell === 'number') {
    const date = coerceDate(cell);
    if (!date.ok) return date;
    const d = new Date(date.value.ms);
    return ok(monthIndex(d.getUTCFullYear(), d.getUTCMonth() + 1));
  }
  if (typeof cell !== 'string') return fail(`Nilai ${describeCell(cell)} bukan bulan`);
  const raw = cell.trim();
  const formula = formulaError(raw);
  if (formula) return fail(formula);
  let year: number | null = null;
  let month: number | null = null;
  let m = ISO_MONTH.exec(raw);
  if (m) [year, month] = [Number(m[1]), Number(m[2])];
  m = m ? null : MONTH_SLASH_YEAR.exec(raw);
  if (m) [year, month] = [Number(m[2]), Number(m[1])];
  m = year !== null ? null : WORD_YEAR.exec(raw);
  if (m) [year, month] = [Number(m[2]), monthFromWord(m[1] ?? '')];
  if (year === null) {
    const asDate = coerceDate(raw);
    if (asDate.ok) return coerceMonth(new Date(asDate.value.ms));
    return fail(`Teks '${quoteText(raw)}' bukan bulan; gunakan YYYY-MM, Jan-25 atau "Januari 2025"`);
  }
  if (year < 100) year += 2000;
  if (month === null || month < 1 || month > 12) return fail(`Bulan pada '${quoteText(raw)}' tidak dikenal`);
  return ok(monthIndex(year, month));
}

/** Plain text; numbers and dates written where text is expected are kept as written. */
export function coerceText(cell: CellValue): Coerced<string> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  if (typeof cell === 'string') {
    const formula = formulaError(cell);
    return formula ? fail(formula) : ok(cell.trim());
  }
  return ok(String(cell ?? ''));
}

/** Clock time "08:00" / "8.00" / a time-only date cell / a day fraction → minutes after midnight. */
export function coerceTimeOfDay(cell: CellValue): Coerced<number> {
  if (cell instanceof Date) return ok(cell.getUTCHours() * 60 + cell.getUTCMinutes());
  if (typeof cell === 'number' && cell >= 0 && cell < 1) return ok(Math.round(cell * 24 * 60));
  const raw = String(cell ?? '').trim();
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(raw);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59)
    return fail(`Jam '${quoteText(raw)}' tidak valid; tulis HH:mm, misalnya 08:00`);
  return ok(Number(m[1]) * 60 + Number(m[2]));
}
