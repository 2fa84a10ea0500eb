import { formatNumber } from '../../core/format/idNumber';
import { type CellValue, MAX_CELL_CHARS, MAX_TAB_COLUMNS, MAX_TAB_ROWS } from '../../core/workbook/cells';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A CSV beyond the limits of a tab; the message (Indonesian) says which, the caller names the file. */
export class CsvLimitError extends Error {}

/** What a blank row is stored as: one shared empty array, so blank lines cost a pointer each. */
const BLANK_ROW: CellValue[] = [];

/** Appends `text[from, to)` to `cell`, never growing it past MAX_CELL_CHARS + 1 (core then reports the cut). */
function append(cell: string, text: string, from: number, to: number): string {
  const room = MAX_CELL_CHARS + 1 - cell.length;
  return room <= 0 || to <= from ? cell : cell + text.slice(from, Math.min(to, from + room));
}

/**
 * RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes), as Google Sheets' "Download as
 * CSV" writes it. Every cell stays text: core coerces dates and Indonesian numbers itself.
 * The delimiter is detected from the header line (',' or ';', which Excel uses in id-ID).
 * Cells are sliced, not built a character at a time, and kept to MAX_CELL_CHARS + 1 characters.
 * Memory is bounded by rows as well as bytes: a row with no text is not stored (rows keep their
 * numbers: the gaps hold one shared empty row, and blank lines at the end hold nothing), a text
 * row past MAX_TAB_ROWS or a row of more than MAX_TAB_COLUMNS cells is refused.
 */
export function parseCsv(text: string): CellValue[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = body.length;
  const lineEnd = body.indexOf('\n', 0);
  const firstLine = body.slice(0, Math.min(lineEnd === -1 ? n : lineEnd, 65_536));
  const delimiter =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';'.charCodeAt(0) : ','.charCodeAt(0);
  const rows: CellValue[][] = [];
  /** The 0-based number of the row being read. */
  let rowNumber = 0;
  let row: CellValue[] = [];
  let hasText = false;
  const endRow = () => {
    if (hasText) {
      if (rowNumber >= MAX_TAB_ROWS)
        throw new CsvLimitError(
          `berisi teks di baris ${formatNumber(rowNumber + 1)}, melewati batas ${formatNumber(MAX_TAB_ROWS)} baris satu tab`,
        );
      while (rows.length < rowNumber) rows.push(BLANK_ROW);
      rows.push(row);
    }
    rowNumber++;
    row = [];
    hasText = false;
  };
  let i = 0;
  for (;;) {
    let cell = '';
    if (body.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const q = body.indexOf('"', i);
        cell = append(cell, body, i, q === -1 ? n : q);
        if (q === -1) {
          i = n;
          break;
        }
        if (body.charCodeAt(q + 1) === QUOTE) {
          cell = append(cell, '"', 0, 1);
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    // An unquoted cell, or what follows a closing quote before the delimiter (kept, as Sheets does).
    let end = i;
    while (end < n) {
      const c = body.charCodeAt(end);
      if (c === delimiter || c === LF || c === CR) break;
      end++;
    }
    cell = append(cell, body, i, end);
    if (row.length >= MAX_TAB_COLUMNS)
      throw new CsvLimitError(
        `baris ${formatNumber(rowNumber + 1)} berisi lebih dari ${formatNumber(MAX_TAB_COLUMNS)} kolom`,
      );
    row.push(cell === '' ? null : cell);
    if (cell !== '') hasText = true;
    if (end >= n) {
      endRow();
      break;
    }
    const c = body.charCodeAt(end);
    if (c === delimiter) {
      i = end + 1;
      continue;
    }
    endRow();
    i = end + (c === CR && body.charCodeAt(end + 1) === LF ? 2 : 1);
    if (i >= n) break;
  }
  return rows;
}
