import { dateNumeric } from '../format/idDate';
import { formatNumber } from '../format/idNumber';
import { monthOfWallClock, toIsoMonth } from '../period/yearMonth';
import { closestMatch, looseKey } from '../text/textMatch';
import { type CleanText, cleanXmlText } from '../text/xmlText';
import {
  type CellValue,
  type Coerced,
  coerceDate,
  coerceMonth,
  coerceNumber,
  coerceText,
  fail,
  formulaError,
  hasTimeOfDay,
  isBlank,
  MAX_CELL_CHARS,
  ok,
  quoteText,
  type WallClock,
} from './cells';
import { type Column, ColumnTable, columnFor, emptyColumn, truncated } from './columnTable';
import { EnumSpec } from './enums';
import { columnLetter, type Finding } from './findings';
import type { ColumnKind, ColumnSpec, TabSpec } from './tabs';
import { EXAMPLE_COLUMN } from './template';

export interface ParseContext {
  readonly layer2Units: EnumSpec<string>;
  /** WIB wall-clock "now" (UTC-encoded); dates after the end of this day are errors. Null: no check. */
  readonly now: number | null;
}

export interface TabParse<T extends TabSpec> {
  readonly present: boolean;
  readonly table: ColumnTable<T>;
  readonly findings: Finding[];
}

function coerceInteger(cell: CellValue, min: number, what: string): Coerced<number> {
  const n = coerceNumber(cell);
  if (!n.ok) return n;
  if (!Number.isInteger(n.value) || n.value < min) {
    return fail(`${what} ${n.value} tidak valid; harus bilangan bulat ≥ ${min}`);
  }
  return n;
}

const MS_PER_DAY = 86_400_000;

/** Dates from this wall-clock moment on are in the future (no limit without a "now"). */
const endOfTodayOf = (ctx: ParseContext): number =>
  ctx.now === null ? Number.POSITIVE_INFINITY : Math.floor(ctx.now / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY;

type Coercer = (cell: CellValue) => Coerced<unknown>;

function coercerFor(kind: ColumnKind, header: string, ctx: ParseContext): Coercer {
  if (kind instanceof EnumSpec) return (cell) => kind.coerce(cell);
  switch (kind) {
    case 'date': {
      const endOfToday = endOfTodayOf(ctx);
      return (cell) => {
        const date = coerceDate(cell);
        if (date.ok && date.value.ms >= endOfToday) {
          return fail(`Tanggal ${dateNumeric(date.value.ms)} ada di masa depan; periksa kembali tanggalnya`);
        }
        return date;
      };
    }
    case 'month':
      return coerceMonth;
    case 'text':
      return coerceText;
    case 'raw':
      return ok;
    case 'layer2Unit':
      return (cell) => ctx.layer2Units.coerce(cell);
    case 'count':
      return (cell) => coerceInteger(cell, 0, header);
    case 'weight':
      return (cell) => coerceInteger(cell, 1, header);
    case 'number':
      return coerceNumber;
    case 'score':
      return (cell) => {
        const n = coerceNumber(cell);
        if (n.ok && (n.value < 1 || n.value > 5)) return fail(`${header} ${n.value} di luar skala 1–5`);
        return n;
      };
  }
}

/** Distinct texts remembered per column: enough for any real log, bounded for a hostile one. */
const MEMO_LIMIT = 50_000;

/** Text cells repeat a lot (channels, topics, zones): coerce each distinct text once. */
function memoizeText(coercer: Coercer): Coercer {
  const cache = new Map<string, Coerced<unknown>>();
  return (cell) => {
    if (typeof cell !== 'string') return coercer(cell);
    let result = cache.get(cell);
    if (result === undefined) {
      result = coercer(cell);
      if (cache.size < MEMO_LIMIT) cache.set(cell, result);
    }
    return result;
  };
}

/** Stores a non-blank cell as valid row n's value; returns the message when it is not valid. */
type Put = (n: number, cell: CellValue) => string | null;

interface BoundColumn {
  readonly spec: ColumnSpec;
  readonly index: number;
  readonly target: Column;
  /** What a blank cell stores in a number column (a `Jumlah` is 1). */
  readonly emptyNumber: number;
  /** Text columns: cells with printable ends need neither trim nor a formula check. */
  readonly plainText: boolean;
  /** Text and raw columns keep the cell's text: it is cleaned of what XML forbids first. */
  readonly keepsText: boolean;
  /** Date columns: dates from here on are in the future. */
  readonly endOfToday: number;
  /** Enum columns: the code, or the message, of each distinct text seen (filled by `put`). */
  readonly known: Map<string, number | string> | null;
  /** Any cell, through the coercer: what the row loop's direct paths do not take. */
  readonly put: Put;
}

/** The writer of one column: the coercer's result into the column's storage. */
function writerFor(column: Column, coerce: Coercer, known: BoundColumn['known']): Put {
  switch (column.kind) {
    case 'date': {
      const { ms, hasTime } = column;
      return (n, cell) => {
        const result = coerce(cell);
        if (!result.ok) return result.message;
        const value = result.value as WallClock;
        ms[n] = value.ms;
        hasTime[n] = value.hasTime ? 1 : 0;
        return null;
      };
    }
    case 'number': {
      const out = column.values;
      return (n, cell) => {
        const result = coerce(cell);
        if (!result.ok) return result.message;
        out[n] = result.value as number;
        return null;
      };
    }
    case 'enum': {
      const { codes, ids } = column;
      const codeOf = new Map(ids.map((id, i) => [id, i + 1]));
      const resolve = (cell: CellValue): number | string => {
        const result = coerce(cell);
        return result.ok ? (codeOf.get(result.value as string) ?? 0) : result.message;
      };
      return (n, cell) => {
        let result: number | string | undefined;
        if (typeof cell === 'string' && known !== null) {
          result = known.get(cell);
          if (result === undefined) {
            result = resolve(cell);
            if (known.size < MEMO_LIMIT) known.set(cell, result);
          }
        } else result = resolve(cell);
        if (typeof result === 'string') return result;
        codes[n] = result;
        return null;
      };
    }
    case 'value': {
      const out = column.values;
      return (n, cell) => {
        const result = coerce(cell);
        if (!result.ok) return result.message;
        out[n] = result.value;
        return null;
      };
    }
  }
}

/**
 * The commonest cells of a big log stored straight from the row loop, with no call through the
 * column's writer and nothing allocated: a date cell up to today, a text with printable ASCII at
 * both ends (nothing to trim, no leading '#'), an enum text already seen. False: use `put`.
 */
function storeDirect(column: BoundColumn, n: number, cell: CellValue): boolean {
  const target = column.target;
  switch (target.kind) {
    case 'date': {
      if (!(cell instanceof Date)) return false;
      const ms = cell.getTime();
      // NaN and future dates get their message from `put`.
      if (!(ms < column.endOfToday)) return false;
      target.ms[n] = ms;
      target.hasTime[n] = hasTimeOfDay(ms) ? 1 : 0;
      return true;
    }
    case 'enum': {
      if (typeof cell !== 'string') return false;
      const code = column.known?.get(cell);
      if (typeof code !== 'number') return false;
      target.codes[n] = code;
      return true;
    }
    case 'value': {
      if (!column.plainText || typeof cell !== 'string') return false;
      const first = cell.charCodeAt(0);
      const last = cell.charCodeAt(cell.length - 1);
      if (!(first > 32 && first < 127 && first !== 35 && last > 32 && last < 127)) return false;
      target.values[n] = cell;
      return true;
    }
    case 'number':
      return false;
  }
}

/** Stores "empty" (what a blank or invalid cell means) as row n's value. */
function clear(column: BoundColumn, n: number): void {
  const target = column.target;
  switch (target.kind) {
    case 'date':
      target.ms[n] = Number.NaN;
      return;
    case 'number':
      target.values[n] = column.emptyNumber;
      return;
    case 'enum':
      target.codes[n] = 0;
      return;
    case 'value':
      target.values[n] = null;
      return;
  }
}

const headerText = (cell: CellValue): string => (isBlank(cell) ? '' : String(cell).trim());

function bindHeaders(
  spec: TabSpec,
  header: CellValue[],
  storage: Map<string, Column>,
  capacity: number,
  ctx: ParseContext,
  findings: Finding[],
): BoundColumn[] | null {
  const byKey = new Map<string, ColumnSpec>();
  for (const column of spec.columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) byKey.set(looseKey(name), column);
  }
  const bound = new Map<string, BoundColumn>();
  const unknownHeaders: string[] = [];
  header.forEach((cell, index) => {
    const text = headerText(cell);
    const column = byKey.get(looseKey(text));
    if (!column) {
      if (text) unknownHeaders.push(text);
      return;
    }
    const first = bound.get(column.key);
    if (first) {
      findings.push({
        tab: spec.name,
        row: 1,
        column: column.header,
        cell: `${columnLetter(index)}1`,
        severity: 'warning',
        message: `Kolom '${column.header}' muncul dua kali (kolom ${columnLetter(first.index)} dan ${columnLetter(index)}); yang dipakai kolom ${columnLetter(first.index)}`,
        month: null,
      });
      return;
    }
    const base = coercerFor(column.kind, column.header, ctx);
    // A formula error says more than "not a date" or "unknown channel" would.
    const coerce: Coercer = (cell) => {
      const formula = formulaError(cell);
      return formula ? fail(formula) : base(cell);
    };
    const target = columnFor(column.kind, capacity, ctx.layer2Units);
    storage.set(column.key, target);
    // Enum columns keep their own cache of codes; text and raw cells are rarely worth one.
    const memoize = target.kind === 'date' || target.kind === 'number';
    const known = target.kind === 'enum' ? new Map<string, number | string>() : null;
    bound.set(column.key, {
      spec: column,
      index,
      target,
      emptyNumber: column.kind === 'weight' ? 1 : Number.NaN,
      plainText: column.kind === 'text',
      keepsText: column.kind === 'text' || column.kind === 'raw',
      endOfToday: endOfTodayOf(ctx),
      known,
      put: writerFor(target, memoize ? memoizeText(coerce) : coerce, known),
    });
  });
  let usable = true;
  for (const column of spec.columns) {
    if (!column.required || bound.has(column.key)) continue;
    usable = false;
    const near = closestMatch(column.header, unknownHeaders, (h) => h);
    findings.push({
      tab: spec.name,
      row: 1,
      column: column.header,
      cell: null,
      severity: 'error',
      message: near
        ? `Kolom wajib '${column.header}' tidak ditemukan di baris 1 tab '${spec.name}'; judul kolom '${quoteText(near)}' mungkin salah ketik. Data tab ini tidak dihitung`
        : `Kolom wajib '${column.header}' tidak ditemukan di baris 1 tab '${spec.name}'; data tab ini tidak dihitung`,
      month: null,
    });
  }
  return usable ? [...bound.values()] : null;
}

/** The month a row belongs to, for findings: its valid `tanggal`, else its valid `bulan`. */
function monthAt(storage: ReadonlyMap<string, Column>, n: number): string | null {
  for (const key of ['tanggal', 'bulan']) {
    const column = storage.get(key);
    if (column?.kind === 'date' && !Number.isNaN(column.ms[n])) return toIsoMonth(monthOfWallClock(column.ms[n] ?? 0));
    if (column?.kind === 'number' && !Number.isNaN(column.values[n])) return toIsoMonth(column.values[n] ?? 0);
  }
  return null;
}

/**
 * Turns one tab's grid (row 0 = header) into a table of typed columns. A row with an invalid or
 * missing required value is left out and reported; blank rows are skipped; the grid is never
 * modified.
 */
export function parseTab<T extends TabSpec>(
  spec: T,
  grid: readonly CellValue[][] | undefined,
  ctx: ParseContext,
): TabParse<T> {
  const findings: Finding[] = [];
  const capacity = grid === undefined ? 0 : Math.max(0, grid.length - 1);
  // The bound columns' storage (filled in by bindHeaders); the others are made empty at the end.
  const storage = new Map<string, Column>();
  const sheetColumns = new Map<string, number>();
  const table = (n: number, rows: Int32Array) =>
    new ColumnTable(
      spec,
      n,
      rows.subarray(0, n),
      new Map(
        spec.columns.map((column) => {
          const written = storage.get(column.key);
          return [column.key, written ? truncated(written, n) : emptyColumn(column.kind, n, ctx.layer2Units)];
        }),
      ),
      sheetColumns,
    );
  if (grid === undefined) return { present: false, table: table(0, new Int32Array(0)), findings };
  const columns = bindHeaders(spec, grid[0] ?? [], storage, capacity, ctx, findings);
  if (columns === null) return { present: true, table: table(0, new Int32Array(0)), findings };
  for (const column of columns) sheetColumns.set(column.spec.key, column.index);
  const rows = new Int32Array(capacity);
  // Valid rows so far: the row being read is written at index n and kept only if it is valid.
  let n = 0;
  const rowFindings: Finding[] = [];
  const exampleCol = (grid[0] ?? []).findIndex((c) => typeof c === 'string' && c.trim() === EXAMPLE_COLUMN);
  const exampleRows: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    if (cells.every(isBlank)) continue;
    if (exampleCol >= 0 && !isBlank(cells[exampleCol])) {
      exampleRows.push(r + 1);
      continue;
    }
    if (rowFindings.length > 0) rowFindings.length = 0;
    // Warnings about cells that still count (cut, cleaned), given the row's month at the end.
    let warnings: Finding[] | null = null;
    for (const column of columns) {
      let cell = cells[column.index];
      if (typeof cell === 'string') {
        if (cell.length > MAX_CELL_CHARS) {
          cell = cell.slice(0, MAX_CELL_CHARS);
          warnings ??= [];
          warnings.push(cutFinding(spec, column, r));
        }
        const clean = column.keepsText ? cleanXmlText(cell) : null;
        if (clean !== null) {
          cell = clean.text;
          warnings ??= [];
          warnings.push(cleanFinding(spec, column, r, clean));
        }
      }
      if (isBlank(cell)) {
        clear(column, n);
        if (column.spec.required) {
          rowFindings.push(cellFinding(spec, column, r, `Kolom wajib '${column.spec.header}' kosong`));
        }
        continue;
      }
      if (storeDirect(column, n, cell)) continue;
      const message = column.put(n, cell);
      if (message !== null) {
        clear(column, n);
        rowFindings.push(cellFinding(spec, column, r, message));
      }
    }
    if (warnings !== null) {
      const month = monthAt(storage, n);
      for (const finding of warnings) findings.push({ ...finding, month });
    }
    if (rowFindings.length > 0) {
      const month = monthAt(storage, n);
      for (const finding of rowFindings) findings.push({ ...finding, month });
      continue;
    }
    rows[n] = r + 1;
    n++;
  }
  if (exampleRows.length) findings.push(exampleFinding(spec, exampleCol, exampleRows));
  return { present: true, table: table(n, rows), findings };
}

/** One finding per tab for the template's example rows, which are never counted. */
function exampleFinding(spec: TabSpec, col: number, rows: readonly number[]): Finding {
  const list = rows.length > 5 ? `${rows.slice(0, 5).join(', ')}, …` : rows.join(', ');
  return {
    tab: spec.name,
    row: rows[0] ?? null,
    column: EXAMPLE_COLUMN,
    cell: `${columnLetter(col)}${rows[0] ?? 1}`,
    severity: 'info',
    message: `${rows.length} baris contoh dari template (baris ${list}) tidak dihitung; hapus baris itu setelah data asli diisi`,
    month: null,
  };
}

function cutFinding(spec: TabSpec, column: BoundColumn, rowIndex: number): Finding {
  const limit = formatNumber(MAX_CELL_CHARS);
  return {
    ...cellFinding(
      spec,
      column,
      rowIndex,
      `Isi sel lebih dari ${limit} karakter; hanya ${limit} karakter pertama yang dibaca`,
    ),
    severity: 'warning',
  };
}

function cleanFinding(spec: TabSpec, column: BoundColumn, rowIndex: number, clean: CleanText): Finding {
  const what =
    clean.count === 1
      ? `karakter ${clean.first}`
      : `${clean.count} karakter tak terlihat (yang pertama ${clean.first})`;
  const fix =
    clean.lineBreaks === clean.count
      ? 'diganti baris baru'
      : clean.lineBreaks > 0
        ? 'dihapus atau diganti baris baru'
        : 'dihapus';
  return {
    ...cellFinding(
      spec,
      column,
      rowIndex,
      `Sel berisi ${what} yang tidak boleh ada di berkas PPTX/XLSX (mis. dari =CHAR(11) atau teks tempelan); di laporan karakter itu ${fix}`,
    ),
    severity: 'warning',
  };
}

function cellFinding(spec: TabSpec, column: BoundColumn, rowIndex: number, message: string): Finding {
  return {
    tab: spec.name,
    row: rowIndex + 1,
    column: column.spec.header,
    cell: `${columnLetter(column.index)}${rowIndex + 1}`,
    severity: 'error',
    message,
    month: null,
  };
}
