import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth, toIsoMonth } from '../../core/period/yearMonth';
import { CliError } from '../errors';
import { findingsTable } from '../findingsTable';
import { loadWorkbook } from '../loadWorkbook';
import type { CliIo } from './report';

/** Prints every finding (or one month's); exit 1 when there is an error finding. */
export async function validateCommand(options: { data: string; month?: string }, io: CliIo): Promise<number> {
  const { wb } = await loadWorkbook(options.data);
  const builder = new ReportBuilder(wb);
  let findings = builder.findings;
  if (options.month !== undefined) {
    const month = parseIsoMonth(options.month);
    if (month === null) throw new CliError(`Bulan '${options.month}' tidak valid; tulis YYYY-MM, misalnya 2025-01`);
    findings = findings.filter((f) => f.month === null || f.month === toIsoMonth(month));
  }
  io.stdout(findingsTable(findings));
  const errors = findings.filter((f) => f.severity === 'error').length;
  io.stderr(`${findings.length} temuan, ${errors} galat.\n`);
  return errors > 0 ? 1 : 0;
}
