import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * One problem in the team's data, pointing at the cell: tab, 1-based sheet row, column header.
 * `error` rows are left out of the figures; `warning` and `info` rows are counted.
 */
export const FindingSchema = z.object({
  tab: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  /** Spreadsheet column letter ("C"), for links to the cell. */
  cell: z.string().nullable(),
  severity: SeveritySchema,
  message: z.string(),
  /** The month the offending row belongs to, when known ("2025-01"), so a month's report can show its own findings. */
  month: z.string().nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** What happened to the data, for the Validasi tab and the CLI: the message says what is wrong. */
export function findingEffect(finding: Finding): string {
  if (finding.severity === 'error')
    return finding.row === 1 || finding.row === null ? 'Data tab tidak dihitung' : 'Baris tidak dihitung';
  if (finding.severity === 'warning') return 'Tetap dihitung; mohon diperiksa';
  return 'Informasi';
}

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Galat', warning: 'Peringatan', info: 'Info' };

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by tab and row: the order people fix them in. */
export const sortFindings = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.tab.localeCompare(b.tab) ||
      (a.row ?? 0) - (b.row ?? 0),
  );
