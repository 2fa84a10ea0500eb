import type { Table } from '../metrics/model';
import { type Finding, findingEffect, SEVERITY_LABELS } from '../workbook/findings';

/** The data findings as one table, for `validate --format html|md` and the Validasi tab alike. */
export function findingsAsTable(findings: readonly Finding[], title: string): Table {
  return {
    title,
    columns: ['Tingkat', 'Tab', 'Sel', 'Kolom', 'Pesan', 'Akibat'].map((header) => ({
      header,
      format: 'text' as const,
    })),
    rows: findings.map((f) => [
      SEVERITY_LABELS[f.severity],
      f.tab,
      f.cell ?? (f.row ? `baris ${f.row}` : ''),
      f.column ?? '',
      f.message,
      findingEffect(f),
    ]),
  };
}

/** "3 temuan (1 galat)" */
export function findingsCount(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return `${findings.length} temuan (${errors} galat)`;
}
