import { spreadsheetNumberFormat } from '../format/figure';
import type { CellFormat } from '../metrics/model';
import type { BlockStyle, SummarySheet } from './sheetBlocks';

/**
 * A summary sheet as full rectangles (values, formats, styles), so that a spreadsheet is written
 * with one call per property instead of one per block or cell.
 */
export interface SheetGrid {
  readonly values: (string | number)[][];
  readonly numberFormats: string[][];
  readonly fontWeights: ('bold' | 'normal')[][];
  readonly fontColors: string[][];
  readonly backgrounds: string[][];
  readonly fontSizes: number[][];
  readonly numRows: number;
  readonly numColumns: number;
}

/** Number formats understood by both Google Sheets and Excel; the locale shows 1.010 / 81,58%. */
export const NUMBER_FORMATS: Record<CellFormat, string> = {
  text: '@',
  int: '#,##0',
  dec1: '#,##0.0',
  dec2: '#,##0.00',
  pct0: '0%',
  pct1: '0.0%',
  pct2: '0.00%',
  change: '+0%;-0%;"sama"',
};

/**
 * The most characters a generated cell may hold: Excel's limit (32,767) is below Google Sheets'
 * (50,000), and one grid feeds both writers. Longer agent text (e.g. Pemda names joined into a
 * sentence) is cut here, visibly, so that no writer fails on it.
 */
export const MAX_GENERATED_CELL_CHARS = 32_767;
export const TRUNCATION_MARKER = '… (dipotong)';

export function fitCellText(text: string): string {
  if (text.length <= MAX_GENERATED_CELL_CHARS) return text;
  let end = MAX_GENERATED_CELL_CHARS - TRUNCATION_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
  return `${text.slice(0, end)}${TRUNCATION_MARKER}`;
}

export const isPercentFormat = (format: CellFormat): boolean => format.startsWith('pct') || format === 'change';

const BRAND = '#0b4f8a';
const STYLE: Record<BlockStyle, { size: number; color: string; bold: boolean }> = {
  title: { size: 16, color: BRAND, bold: true },
  heading: { size: 12, color: BRAND, bold: true },
  sentence: { size: 10, color: '#1d2733', bold: false },
  note: { size: 9, color: '#6b7785', bold: false },
  table: { size: 10, color: '#1d2733', bold: false },
};

export function sheetGrid(sheet: SummarySheet): SheetGrid {
  let numRows = 1;
  let numColumns = 1;
  for (const block of sheet.blocks) {
    const width = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length));
    numRows = Math.max(numRows, block.row + block.rows.length + (block.header ? 1 : 0));
    numColumns = Math.max(numColumns, block.col + width);
  }
  const fill = <T>(value: T): T[][] => Array.from({ length: numRows }, () => new Array<T>(numColumns).fill(value));
  const grid: SheetGrid = {
    values: fill<string | number>(''),
    numberFormats: fill('@'),
    fontWeights: fill<'bold' | 'normal'>('normal'),
    fontColors: fill('#1d2733'),
    backgrounds: fill('#ffffff'),
    fontSizes: fill(10),
    numRows,
    numColumns,
  };
  const set = (r: number, c: number, value: string | number, format: CellFormat, style: BlockStyle, header = false) => {
    const row = grid.values[r];
    if (!row) return;
    if (typeof value === 'string') row[c] = fitCellText(value);
    else row[c] = isPercentFormat(format) ? value / 100 : value;
    (grid.numberFormats[r] as string[])[c] = typeof value === 'number' ? spreadsheetNumberFormat(value, format) : '@';
    const look = STYLE[style];
    (grid.fontSizes[r] as number[])[c] = look.size;
    (grid.fontWeights[r] as string[])[c] = header || look.bold ? 'bold' : 'normal';
    (grid.fontColors[r] as string[])[c] = header ? '#ffffff' : look.color;
    if (header) (grid.backgrounds[r] as string[])[c] = BRAND;
  };
  for (const block of sheet.blocks) {
    let r = block.row;
    if (block.header) {
      block.header.forEach((text, i) => {
        set(r, block.col + i, text, 'text', 'table', true);
      });
      r++;
    }
    for (const values of block.rows) {
      values.forEach((value, i) => {
        if (value !== null) set(r, block.col + i, value, block.formats[i] ?? 'text', block.style);
      });
      r++;
    }
  }
  return grid;
}
