import type { Report, Table } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import type { Finding } from '../workbook/findings';
import { formatCell } from './cells';
import { findingsAsTable, findingsCount } from './findings';

/**
 * Agent-typed text as inert Markdown: every character that can open markup (HTML tags, links,
 * images, emphasis, code, entities, autolinks) is backslash-escaped, line-start markers (`#`, `>`,
 * `-`, `1.`) lose their meaning, and the text stays on one line. CommonMark and GFM then show the
 * text exactly as typed. Kept readable: `.`, `(`, `%` and digits are left alone where harmless.
 */
export function escapeMarkdownInline(text: string): string {
  const oneLine = text.replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ').trim();
  const inline = oneLine
    .replace(/[\\`*_{}[\]<>|~]/g, (c) => `\\${c}`)
    // An entity (`&lt;`, `&#60;`) would be decoded; a scheme or www. would become a GFM autolink.
    .replace(/&(?=[#A-Za-z0-9])/g, '\\&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
  return inline;
}

/** Like escapeMarkdownInline, for text that starts a line (a paragraph, a heading). */
export function escapeMarkdown(text: string): string {
  // Block markers only count at the start of a line.
  return escapeMarkdownInline(text).replace(/^([#>+\-=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

export function markdownTable(table: Table): string {
  if (table.rows.length === 0) return `_${escapeMarkdown(table.title)}: tidak ada data._\n`;
  const header = `| ${table.columns.map((c) => escapeMarkdownInline(c.header)).join(' | ')} |`;
  const rule = `| ${table.columns.map((c) => (c.format === 'text' ? '---' : '---:')).join(' | ')} |`;
  const rows = table.rows.map(
    (row) =>
      `| ${row.map((cell, i) => escapeMarkdownInline(formatCell(cell, table.columns[i]?.format ?? 'text', table.columns[i]?.decimals))).join(' | ')} |`,
  );
  return [`**${escapeMarkdown(table.title)}**`, '', header, rule, ...rows, ''].join('\n');
}

/**
 * The whole report as Markdown: for e-mail, wikis and reviewing in a terminal. Like the HTML
 * report it only notes how many data findings there are; `validate --format md` lists them.
 */
export function renderMarkdown(report: Report, options: { validateHint?: string } = {}): string {
  const out: string[] = [`# Laporan Layanan Informasi DJPK — ${escapeMarkdown(report.monthLabel)}`, ''];
  for (const section of report.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const sentence of section.sentences) out.push(escapeMarkdown(sentence), '');
    for (const table of section.tables) out.push(markdownTable(table));
  }
  const findings = findingsForMonth(report);
  out.push('## Catatan Data', '');
  out.push(
    findings.length
      ? escapeMarkdown(
          `Terdapat ${findingsCount(findings)} pada data ${report.monthLabel}. Baris bergalat tidak dihitung dalam angka laporan ini. Daftar lengkapnya ada di tab Validasi pada laporan .xlsx${options.validateHint ? ` atau dengan perintah: ${options.validateHint}` : ''}.`,
        )
      : escapeMarkdown(`Tidak ada temuan pada data ${report.monthLabel}.`),
    '',
  );
  return out.join('\n');
}

/** `validate --format md`: the findings as one Markdown table. */
export function renderFindingsMarkdown(findings: readonly Finding[], period: string): string {
  const out = [`# Validasi Data Layanan Informasi DJPK — ${escapeMarkdown(period)}`, ''];
  if (findings.length === 0) out.push('Tidak ada temuan.', '');
  else out.push(markdownTable(findingsAsTable(findings, findingsCount(findings))));
  return out.join('\n');
}
