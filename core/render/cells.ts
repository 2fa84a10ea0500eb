import type { CellFormat, ChartSeries } from '../metrics/model';

/** Tables print through core's one figure-formatting module (core/format/figure.ts). */
export { formatCell } from '../format/figure';

/** How a chart series' numbers are shown in its data table: whole numbers without decimals. */
export const seriesFormat = (series: ChartSeries): CellFormat =>
  series.values.every((v) => v === null || Number.isInteger(v)) ? 'int' : 'dec2';
