import type { Report, Table } from '../metrics/model';
import { findingEffect, SEVERITY_LABELS } from '../workbook/findings';
import { formatCell } from './cells';
import { findingsForMonth } from './json';

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(table: Table): string {
  if (table.rows.length === 0) return `_${table.title}: tidak ada data._\n`;
  const header = `| ${table.columns.map((c) => escapeCell(c.header)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.format === 'text' ? '---' : '---:')).join(' | ')} |`;
  const rows = table.rows.map(
    (row) =>
      `| ${row.map((cell, i) => escapeCell(formatCell(cell, table.columns[i]?.format ?? 'text'))).join(' | ')} |`,
  );
  return [`**${table.title}**`, '', header, rule, ...rows, ''].join('\n');
}

/** The whole report as Markdown: for e-mail, wikis and reviewing in a terminal. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# Laporan Layanan Informasi DJPK — ${report.monthLabel}`, ''];
  for (const section of report.sections) {
    out.push(`## ${section.title}`, '');
    for (const sentence of section.sentences) out.push(sentence, '');
    for (const table of section.tables) out.push(markdownTable(table));
  }
  const findings = findingsForMonth(report);
  out.push('## Validasi Data', '');
  if (findings.length === 0) out.push('Tidak ada temuan pada data bulan ini.', '');
  else {
    out.push(
      markdownTable({
        title: `${findings.length} temuan`,
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
      }),
    );
  }
  return out.join('\n');
}
