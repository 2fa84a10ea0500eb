import { dirname, join, resolve } from 'node:path';
import { deckNotices } from '../../core/deck/notices';
import { monthLabel, wibTimestamp } from '../../core/format/idDate';
import { findingsForMonth } from '../../core/metrics/monthFindings';
import { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth, toIsoMonth } from '../../core/period/yearMonth';
import { renderHtml } from '../../core/render/html';
import { toReportJson } from '../../core/render/json';
import { renderMarkdown } from '../../core/render/markdown';
import { renderSummarySheets } from '../../core/render/sheetBlocks';
import { DECK_FORMATS, type DeckFormat, readLogo, renderDeckFiles } from '../../formats/deck/deckFiles';
import { CliError } from '../errors';
import { loadWorkbook } from '../loadWorkbook';
import { checkedTarget, checkOutDir, dataLocation, writeOutputFile } from '../safeWrite';
import { XlsxCopyWriter } from '../xlsxCopyWriter';

export const FORMATS = ['json', 'md', 'html', 'xlsx', ...DECK_FORMATS] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  readonly data: string;
  readonly month?: string;
  readonly formats: readonly Format[];
  readonly out?: string;
  readonly outDir: string;
  readonly strict: boolean;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The command that lists a month's findings, as the report's notice quotes it. */
export const validateHint = (data: string, month: string): string =>
  `npm run -s validate -- --data ${/[\s'"]/.test(data) ? `"${data.replace(/"/g, '\\"')}"` : data} --month ${month} --format html --out validasi-${month}.html`;

export async function reportCommand(options: ReportOptions, io: CliIo): Promise<number> {
  if (options.out && options.formats.length > 1)
    throw new CliError('--out hanya untuk satu format; untuk beberapa format gunakan --out-dir');
  // The team's data is only ever read: targets are checked by real path before anything is loaded.
  const data = await dataLocation(options.data);
  if (options.out) await checkedTarget(options.out, data);
  else await checkOutDir(options.outDir, data);
  const { source, wb } = await loadWorkbook(options.data);
  const builder = new ReportBuilder(wb);
  let month = options.month === undefined ? builder.latestMonth() : parseIsoMonth(options.month);
  if (month === null) {
    if (options.month !== undefined)
      throw new CliError(`Bulan '${options.month}' tidak valid; tulis YYYY-MM, misalnya 2025-01`);
    throw new CliError(`Berkas ${options.data} belum berisi data satu bulan pun`);
  }
  const report = builder.build(month);
  month = parseIsoMonth(report.month) ?? month;
  if (!report.monthsWithData.includes(report.month)) {
    io.stderr(
      `Peringatan: data ${monthLabel(month)} belum tersedia; data terakhir: ${report.monthsWithData.at(-1) ?? '-'}\n`,
    );
  }
  const findings = findingsForMonth(report);
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (findings.length) {
    io.stderr(
      `${findings.length} temuan data (${errors} galat) untuk ${report.monthLabel}; daftarnya: ${validateHint(options.data, report.month)}\n`,
    );
  }
  const generatedAt = wibTimestamp(Date.now());
  const hint = validateHint(options.data, report.month);
  const stem = `laporan-${toIsoMonth(month)}`;
  const deckFormats = options.formats.filter((f): f is DeckFormat => (DECK_FORMATS as readonly string[]).includes(f));
  if (deckFormats.length) {
    const { logo, problem } = await readLogo(wb.profile, dirname(resolve(options.data)));
    if (problem) io.stderr(`Peringatan: ${problem}; deck dibuat tanpa logo.\n`);
    const files = await renderDeckFiles(report, { narasi: wb.narasi, profile: wb.profile, logo }, deckFormats);
    if (files.logoProblem) io.stderr(`Peringatan: ${files.logoProblem}; deck dibuat tanpa logo.\n`);
    if (files.glyphNotice) io.stderr(`Peringatan: ${files.glyphNotice}\n`);
    for (const line of deckNotices(files.deck, errors)) io.stderr(`Peringatan: ${line}\n`);
    for (const format of deckFormats) {
      const bytes = files[format];
      if (!bytes) continue;
      const path = await checkedTarget(options.out ?? join(options.outDir, `${stem}.${format}`), data);
      await writeOutputFile(path, bytes);
      io.stderr(`Deck ${format.toUpperCase()} ditulis (${files.deck.slides.length} slide): ${path}\n`);
    }
  }
  for (const format of options.formats) {
    if ((DECK_FORMATS as readonly string[]).includes(format)) continue;
    const target =
      options.out ?? (format === 'json' || format === 'md' ? undefined : join(options.outDir, `${stem}.${format}`));
    if (format === 'xlsx') {
      if (!options.data.toLowerCase().endsWith('.xlsx'))
        throw new CliError('Format xlsx memerlukan data .xlsx (salinannya diberi tab ringkasan)');
      const path = await checkedTarget(target ?? join(options.outDir, `${stem}.xlsx`), data);
      await new XlsxCopyWriter(options.data, path).writeSummary(renderSummarySheets(report));
      io.stderr(`Laporan .xlsx ditulis: ${path}\n`);
      continue;
    }
    const text =
      format === 'json'
        ? `${JSON.stringify(toReportJson(report), null, 2)}\n`
        : format === 'md'
          ? renderMarkdown(report, { validateHint: hint })
          : renderHtml(report, {
              generatedAt,
              source: `Sumber: ${source.description}`,
              narasi: wb.narasi,
              profile: wb.profile,
            });
    if (target === undefined) {
      io.stdout(text);
      continue;
    }
    const path = await checkedTarget(target, data);
    await writeOutputFile(path, text);
    io.stderr(`Laporan ${format.toUpperCase()} ditulis: ${path}\n`);
  }
  return options.strict && errors > 0 ? 1 : 0;
}
