import type { WallClock } from './cells';
import { EnumSpec } from './enums';
import { columnLetter } from './findings';
import type { ColumnKind, ColumnSpec, RowOf, TabSpec } from './tabs';

/**
 * A tab's valid rows stored column by column: typed arrays for dates, numbers and enum values.
 * A million-row `Tiket` then costs a few arrays instead of a million long-lived records (whose
 * allocation and garbage collection were most of the parse time); records are built on demand.
 *
 * Empty cells: NaN in date and number columns (a `Jumlah` column holds 1), code 0 in enum
 * columns, null in value columns.
 */
export interface DateColumn {
  readonly kind: 'date';
  /** UTC-encoded WIB wall-clock ms. */
  readonly ms: Float64Array;
  /** 1 when the cell carried a time of day. */
  readonly hasTime: Uint8Array;
}

export interface NumberColumn {
  readonly kind: 'number';
  readonly values: Float64Array;
}

export interface EnumColumn<Id extends string = string> {
  readonly kind: 'enum';
  /** 0: empty; c: ids[c - 1]. */
  readonly codes: Uint8Array | Uint16Array;
  readonly ids: readonly Id[];
}

/** Text and raw cells, as read. */
export interface ValueColumn {
  readonly kind: 'value';
  readonly values: unknown[];
}

export type Column = DateColumn | NumberColumn | EnumColumn | ValueColumn;

type ColumnOf<T extends TabSpec> = T['columns'][number];
type KeyWhere<T extends TabSpec, K> = Extract<ColumnOf<T>, { readonly kind: K }>['key'];
export type DateKey<T extends TabSpec> = KeyWhere<T, 'date'>;
export type NumberKey<T extends TabSpec> = KeyWhere<T, 'month' | 'count' | 'weight' | 'number' | 'score'>;
export type EnumKey<T extends TabSpec> = KeyWhere<T, EnumSpec<string> | 'layer2Unit'>;
export type ValueKey<T extends TabSpec> = KeyWhere<T, 'text' | 'raw'>;
/** The ids an enum column holds (a Layer 2 unit is any configured unit's id). */
export type EnumIdOf<T extends TabSpec, K extends EnumKey<T>> =
  Extract<ColumnOf<T>, { readonly key: K }>['kind'] extends EnumSpec<infer Id> ? Id : string;

const enumSpecOf = (kind: ColumnKind, layer2Units: EnumSpec<string>): EnumSpec<string> | null =>
  kind === 'layer2Unit' ? layer2Units : kind instanceof EnumSpec ? kind : null;

/** Codes fit a byte for any list of fewer than 255 values (every list but a hostile unit list). */
const codesFor = (ids: readonly string[], length: number): Uint8Array | Uint16Array =>
  ids.length < 255 ? new Uint8Array(length) : new Uint16Array(length);

/**
 * Storage for a column the parser writes row by row: every row it keeps gets a value or "empty"
 * written, so nothing is pre-filled.
 */
export function columnFor(kind: ColumnKind, capacity: number, layer2Units: EnumSpec<string>): Column {
  const spec = enumSpecOf(kind, layer2Units);
  if (spec) return { kind: 'enum', codes: codesFor(spec.ids, capacity), ids: spec.ids };
  switch (kind) {
    case 'date':
      return { kind: 'date', ms: new Float64Array(capacity), hasTime: new Uint8Array(capacity) };
    case 'text':
    case 'raw':
      // Holes, not nulls: every row kept is written before it is read.
      return { kind: 'value', values: new Array<unknown>(capacity) };
    default:
      return { kind: 'number', values: new Float64Array(capacity) };
  }
}

/** A column of `length` empty cells: a column of the spec that the sheet does not have. */
export function emptyColumn(kind: ColumnKind, length: number, layer2Units: EnumSpec<string>): Column {
  const spec = enumSpecOf(kind, layer2Units);
  if (spec) return { kind: 'enum', codes: codesFor(spec.ids, length), ids: spec.ids };
  switch (kind) {
    case 'date':
      return { kind: 'date', ms: new Float64Array(length).fill(Number.NaN), hasTime: new Uint8Array(length) };
    case 'weight':
      return { kind: 'number', values: new Float64Array(length).fill(1) };
    case 'text':
    case 'raw':
      return { kind: 'value', values: new Array<unknown>(length).fill(null) };
    default:
      return { kind: 'number', values: new Float64Array(length).fill(Number.NaN) };
  }
}

/** The first n rows of a column (a view: no copy). */
export function truncated(column: Column, n: number): Column {
  switch (column.kind) {
    case 'date':
      return { kind: 'date', ms: column.ms.subarray(0, n), hasTime: column.hasTime.subarray(0, n) };
    case 'number':
      return { kind: 'number', values: column.values.subarray(0, n) };
    case 'enum':
      return { kind: 'enum', codes: column.codes.subarray(0, n), ids: column.ids };
    case 'value':
      column.values.length = n;
      return column;
  }
}

/** One column's value at row i as a record holds it (null when empty). */
function valueAt(column: Column, i: number): unknown {
  switch (column.kind) {
    case 'date': {
      const ms = column.ms[i] ?? Number.NaN;
      return Number.isNaN(ms) ? null : ({ ms, hasTime: column.hasTime[i] === 1 } satisfies WallClock);
    }
    case 'number': {
      const v = column.values[i] ?? Number.NaN;
      return Number.isNaN(v) ? null : v;
    }
    case 'enum': {
      const code = column.codes[i] ?? 0;
      return code === 0 ? null : (column.ids[code - 1] ?? null);
    }
    case 'value':
      return column.values[i] ?? null;
  }
}

/** The rows at `indices`, in that order, as a column of their own. */
function selectColumn(column: Column, indices: ArrayLike<number>): Column {
  const n = indices.length;
  switch (column.kind) {
    case 'date': {
      const ms = new Float64Array(n);
      const hasTime = new Uint8Array(n);
      for (let j = 0; j < n; j++) {
        const i = indices[j] ?? 0;
        ms[j] = column.ms[i] ?? Number.NaN;
        hasTime[j] = column.hasTime[i] ?? 0;
      }
      return { kind: 'date', ms, hasTime };
    }
    case 'number': {
      const values = new Float64Array(n);
      for (let j = 0; j < n; j++) values[j] = column.values[indices[j] ?? 0] ?? Number.NaN;
      return { kind: 'number', values };
    }
    case 'enum': {
      const codes = codesFor(column.ids, n);
      for (let j = 0; j < n; j++) codes[j] = column.codes[indices[j] ?? 0] ?? 0;
      return { kind: 'enum', codes, ids: column.ids };
    }
    case 'value':
      return { kind: 'value', values: Array.from({ length: n }, (_, j) => column.values[indices[j] ?? 0] ?? null) };
  }
}

export class ColumnTable<T extends TabSpec> {
  private readonly keys: readonly string[];
  private readonly ordered: readonly Column[];
  /** Every record is a clone of this: one shape, properties in place (no per-record growth). */
  private readonly template: Record<string, unknown>;

  constructor(
    readonly spec: T,
    /** Number of rows. */
    readonly length: number,
    /** Sheet row number (1-based, header = 1) of each row. */
    readonly rows: Int32Array,
    /** One column per column of the spec, bound or not. */
    private readonly columns: ReadonlyMap<string, Column>,
    /** 0-based sheet column of each column the tab has (for findings that point at a cell). */
    private readonly sheetColumns: ReadonlyMap<string, number> = new Map(),
  ) {
    this.keys = spec.columns.map((c: ColumnSpec) => c.key);
    this.ordered = this.keys.map((key) => columns.get(key) as Column);
    this.template = { row: 0, ...Object.fromEntries(this.keys.map((key) => [key, null])) };
  }

  date(key: DateKey<T>): DateColumn {
    return this.column(key, 'date') as DateColumn;
  }

  number(key: NumberKey<T>): NumberColumn {
    return this.column(key, 'number') as NumberColumn;
  }

  enumeration<K extends EnumKey<T>>(key: K): EnumColumn<EnumIdOf<T, K>> {
    return this.column(key, 'enum') as EnumColumn<EnumIdOf<T, K>>;
  }

  values(key: ValueKey<T>): ValueColumn {
    return this.column(key, 'value') as ValueColumn;
  }

  /** The sheet cell of row i in column `key` ("D17"), or null when the tab has no such column. */
  cell(key: T['columns'][number]['key'], i: number): string | null {
    const index = this.sheetColumns.get(key);
    const row = this.rows[i];
    return index === undefined || row === undefined ? null : `${columnLetter(index)}${row}`;
  }

  /** Row i as the typed record the rest of core reads: `row`, then every column of the spec. */
  record(i: number): RowOf<T> {
    const record: Record<string, unknown> = { ...this.template };
    record.row = this.rows[i];
    for (let k = 0; k < this.keys.length; k++) record[this.keys[k] as string] = valueAt(this.ordered[k] as Column, i);
    return record as RowOf<T>;
  }

  records(): RowOf<T>[] {
    const out: RowOf<T>[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.record(i);
    return out;
  }

  /** The rows at `indices` (ascending or not), as a table of their own. */
  select(indices: ArrayLike<number>): ColumnTable<T> {
    const rows = new Int32Array(indices.length);
    for (let j = 0; j < indices.length; j++) rows[j] = this.rows[indices[j] ?? 0] ?? 0;
    const columns = new Map<string, Column>();
    for (const [key, column] of this.columns) columns.set(key, selectColumn(column, indices));
    return new ColumnTable(this.spec, indices.length, rows, columns, this.sheetColumns);
  }

  /** The rows for which `keep(i)` holds, as a table of their own. */
  where(keep: (i: number) => boolean): ColumnTable<T> {
    const indices: number[] = [];
    for (let i = 0; i < this.length; i++) if (keep(i)) indices.push(i);
    return this.select(indices);
  }

  private column(key: string, kind: Column['kind']): Column {
    const column = this.columns.get(key);
    // Keys are checked by the compiler; this guards a spec changed without its readers.
    if (column?.kind !== kind) throw new Error(`column ${this.spec.name}.${key} is not a ${kind} column`);
    return column;
  }
}
