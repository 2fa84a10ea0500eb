import { formatNumber, formatPercent } from '../format/idNumber';
import type { CellFormat, ChartSeries, TableCell } from '../metrics/model';

/** A table cell as a person reads it (id-ID); "–" for no data. */
export function formatCell(value: TableCell, format: CellFormat): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return formatNumber(value, 0);
    case 'dec1':
      return formatNumber(value, 1);
    case 'dec2':
      return formatNumber(value, 2);
    case 'pct0':
      return formatPercent(value, 0);
    case 'pct1':
      return formatPercent(value, 1);
    case 'pct2':
      return formatPercent(value, 2);
    case 'change':
      return `${value > 0 ? '+' : ''}${formatPercent(value, 0)}`;
    case 'text':
      return String(value);
  }
}

/** How a chart series' numbers are shown in its data table: whole numbers without decimals. */
export const seriesFormat = (series: ChartSeries): CellFormat =>
  series.values.every((v) => v === null || Number.isInteger(v)) ? 'int' : 'dec2';
