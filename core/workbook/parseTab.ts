import { dateNumeric } from '../format/idDate';
import { formatNumber } from '../format/idNumber';
import { monthOfWallClock, toIsoMonth } from '../period/yearMonth';
import {
  type CellValue,
  type Coerced,
  coerceDate,
  coerceMonth,
  coerceNumber,
  coerceText,
  fail,
  formulaError,
  isBlank,
  MAX_CELL_CHARS,
  ok,
  quoteText,
  type WallClock,
} from './cells';
import { EnumSpec } from './enums';
import { columnLetter, type Finding } from './findings';
import type { ColumnKind, ColumnSpec, RowOf, TabSpec } from './tabs';
import { EXAMPLE_COLUMN } from './template';
import { closestMatch, looseKey } from './textMatch';

export interface ParseContext {
  readonly layer2Units: EnumSpec<string>;
  /** WIB wall-clock "now" (UTC-encoded); dates after the end of this day are errors. Null: no check. */
  readonly now: number | null;
}

export interface TabParse<T> {
  readonly present: boolean;
  readonly rows: T[];
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

/** Text cells repeat a lot (channels, topics, zones): coerce each distinct text once. */
function memoizeText(coercer: Coercer): Coercer {
  const cache = new Map<string, Coerced<unknown>>();
  return (cell) => {
    if (typeof cell !== 'string') return coercer(cell);
    let result = cache.get(cell);
    if (result === undefined) {
      result = coercer(cell);
      if (cache.size < 50_000) cache.set(cell, result);
    }
    return result;
  };
}

interface BoundColumn {
  readonly spec: ColumnSpec;
  readonly index: number;
  readonly coerce: Coercer;
  /** Allocation-free path for the commonest cells of a big log; undefined: take the full path. */
  readonly fast: ((cell: CellValue) => unknown) | null;
}

/** Date cells and plain text, the bulk of a million-row `Tiket`, skip the Coerced wrapper. */
function fastPathFor(kind: ColumnKind, ctx: ParseContext): BoundColumn['fast'] {
  if (kind === 'text') {
    return (cell) => (typeof cell === 'string' && !cell.includes('#') ? cell.trim() : undefined);
  }
  if (kind === 'date') {
    const endOfToday = endOfTodayOf(ctx);
    return (cell) => {
      if (!(cell instanceof Date)) return undefined;
      const ms = cell.getTime();
      if (!(ms < endOfToday)) return undefined; // NaN and future dates get their message on the full path
      return { ms, hasTime: Math.floor((((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 1000) !== 0 };
    };
  }
  return null;
}

const headerText = (cell: CellValue): string => (isBlank(cell) ? '' : String(cell).trim());

function bindHeaders(spec: TabSpec, header: CellValue[], ctx: ParseContext, findings: Finding[]): BoundColumn[] | null {
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
    const memoize = column.kind !== 'text' && column.kind !== 'raw';
    bound.set(column.key, {
      spec: column,
      index,
      coerce: memoize ? memoizeText(coerce) : coerce,
      fast: fastPathFor(column.kind, ctx),
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

/** The month a row belongs to, for findings: its first valid date or month value. */
function monthOf(record: Record<string, unknown>): string | null {
  const value = record.tanggal ?? record.bulan;
  if (typeof value === 'number') return toIsoMonth(value);
  if (value && typeof value === 'object' && 'ms' in value) return toIsoMonth(monthOfWallClock((value as WallClock).ms));
  return null;
}

/**
 * Turns one tab's grid (row 0 = header) into typed records. A row with an invalid or missing
 * required value is left out and reported; blank rows are skipped; the grid is never modified.
 */
export function parseTab<T extends TabSpec>(
  spec: T,
  grid: readonly CellValue[][] | undefined,
  ctx: ParseContext,
): TabParse<RowOf<T>> {
  const findings: Finding[] = [];
  if (grid === undefined) return { present: false, rows: [], findings };
  const columns = bindHeaders(spec, grid[0] ?? [], ctx, findings);
  if (columns === null) return { present: true, rows: [], findings };
  const template: Record<string, unknown> = { row: 0 };
  for (const column of spec.columns) template[column.key] = column.kind === 'weight' ? 1 : null;
  const rows: RowOf<T>[] = [];
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
    // Cloning one template gives every record the same shape up front (no per-row property growth).
    const record: Record<string, unknown> = { ...template };
    record.row = r + 1;
    rowFindings.length = 0;
    let cutColumns: BoundColumn[] | null = null;
    for (const column of columns) {
      let cell = cells[column.index];
      if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) {
        cell = cell.slice(0, MAX_CELL_CHARS);
        cutColumns ??= [];
        cutColumns.push(column);
      }
      if (isBlank(cell)) {
        record[column.spec.key] = column.spec.kind === 'weight' ? 1 : null;
        if (column.spec.required) {
          rowFindings.push(cellFinding(spec, column, r, `Kolom wajib '${column.spec.header}' kosong`));
        }
        continue;
      }
      const fast = column.fast?.(cell);
      if (fast !== undefined) {
        record[column.spec.key] = fast;
        continue;
      }
      const result = column.coerce(cell);
      if (result.ok) record[column.spec.key] = result.value;
      else rowFindings.push(cellFinding(spec, column, r, result.message));
    }
    if (cutColumns !== null) {
      const month = monthOf(record);
      for (const column of cutColumns) findings.push({ ...cutFinding(spec, column, r), month });
    }
    if (rowFindings.length > 0) {
      const month = monthOf(record);
      for (const finding of rowFindings) findings.push({ ...finding, month });
      continue;
    }
    rows.push(record as RowOf<T>);
  }
  if (exampleRows.length) findings.push(exampleFinding(spec, exampleCol, exampleRows));
  return { present: true, rows, findings };
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
