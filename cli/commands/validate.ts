import { monthLabel, wibTimestamp } from '../../core/format/idDate';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth, toIsoMonth } from '../../core/period/yearMonth';
import { renderFindingsHtml } from '../../core/render/html';
import { renderFindingsMarkdown } from '../../core/render/markdown';
import { findingEffect } from '../../core/workbook/findings';
import { CliError } from '../errors';
import { findingsTable } from '../findingsTable';
import { loadWorkbook } from '../loadWorkbook';
import { checkedTarget, dataLocation, writeOutputFile } from '../safeWrite';
import type { CliIo } from './report';

export const VALIDATE_FORMATS = ['text', 'html', 'md', 'json'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export interface ValidateOptions {
  readonly data: string;
  readonly month?: string;
  readonly format?: ValidateFormat;
  readonly out?: string;
}

/**
 * Lists every finding (or one month's) as a terminal table, or as its own HTML/Markdown/JSON
 * document (the director's report only notes how many there are); exit 1 when there is an error.
 */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'text';
  const data = await dataLocation(options.data);
  if (options.out) await checkedTarget(options.out, data);
  const { source, wb } = await loadWorkbook(options.data);
  const builder = new ReportBuilder(wb);
  let findings = builder.findings;
  let period = 'semua bulan';
  let month: string | null = null;
  if (options.month !== undefined) {
    const parsed = parseIsoMonth(options.month);
    if (parsed === null) throw new CliError(`Bulan '${options.month}' tidak valid; tulis YYYY-MM, misalnya 2025-01`);
    month = toIsoMonth(parsed);
    period = monthLabel(parsed);
    findings = findings.filter((f) => f.month === null || f.month === month);
  }
  const generatedAt = wibTimestamp(Date.now());
  const text =
    format === 'html'
      ? renderFindingsHtml(findings, period, { generatedAt, source: `Sumber: ${source.description}` })
      : format === 'md'
        ? renderFindingsMarkdown(findings, period)
        : format === 'json'
          ? `${JSON.stringify({ month, generatedAt, findings: findings.map((f) => ({ ...f, effect: findingEffect(f) })) }, null, 2)}\n`
          : findingsTable(findings);
  if (options.out) {
    const path = await checkedTarget(options.out, data);
    await writeOutputFile(path, text);
    io.stderr(`Daftar temuan ditulis: ${path}\n`);
  } else io.stdout(text);
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.stderr(`${findings.length} temuan, ${errors} galat.\n`);
  return errors > 0 ? 1 : 0;
}
