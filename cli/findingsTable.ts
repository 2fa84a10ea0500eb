import type { Finding } from '../core/workbook/findings';
import { findingEffect, SEVERITY_LABELS } from '../core/workbook/findings';
import { inertText } from './terminal';

/** Findings as a plain-text table for the terminal. */
export function findingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Tidak ada temuan.\n';
  const rows = [
    ['Tingkat', 'Tab', 'Sel', 'Kolom', 'Pesan', 'Akibat'],
    ...findings.map((f) =>
      [
        SEVERITY_LABELS[f.severity],
        f.tab,
        f.cell ?? (f.row ? `baris ${f.row}` : '-'),
        f.column ?? '-',
        f.message,
        findingEffect(f),
      ].map(inertText),
    ),
  ];
  const widths =
    rows[0]?.map((_, i) => Math.min(i === 4 ? 90 : 30, Math.max(...rows.map((r) => (r[i] ?? '').length)))) ?? [];
  return `${rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
