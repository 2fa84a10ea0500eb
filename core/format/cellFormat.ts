/**
 * How a table column is shown; values stay numbers so that sheets can format them natively.
 * `change`: a signed percentage change ("+114%", "-4%"). Defined here, below metrics, because
 * printing a cell (figure.ts) needs it and the metrics model only refers to it.
 */
export type CellFormat = 'text' | 'int' | 'dec1' | 'dec2' | 'pct0' | 'pct1' | 'pct2' | 'change';

export type TableCell = string | number | null;
