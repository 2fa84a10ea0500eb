import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportJsonSchema } from '../../core/render/json';
import { renderSummarySheets } from '../../core/render/sheetBlocks';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';
import { readXlsxFile } from '../../formats/xlsx/readXlsx';
import { cli } from '../fixtures/cli';
import { SAMPLE_XLSX, sampleRaw, sampleReport } from '../fixtures/sample';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-cli-'));
});

describe('report', () => {
  it('--format json prints only the JSON contract on stdout', async () => {
    const { code, stdout, stderr } = await cli('report', '--data', SAMPLE_XLSX, '--format', 'json');
    expect(code).toBe(0);
    const json = ReportJsonSchema.parse(JSON.parse(stdout));
    expect(json.month).toBe('2025-01'); // the latest month with data
    expect(json.metrics['konsultasi.total']).toMatchObject({
      label: 'Tiket Konsultasi',
      value: 1010,
      previousMonth: 1112,
      sameMonthLastYear: 1304,
      momPct: -9.17,
      yoyPct: -22.55,
    });
    expect(json.metrics['konsultasi.kanal.whatsapp']?.value).toBe(695);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        row: 1272,
        column: 'Kanal',
        severity: 'error',
        message: "Kanal 'Whatsap' tidak dikenal; maksud Anda 'WhatsApp'?",
      }),
    );
    expect(Object.keys(json.sections)).toHaveLength(24);
    expect(stderr).toContain('1 temuan data (1 galat) untuk Januari 2025');
  });

  it('writes HTML with inline SVG charts and Markdown', async () => {
    const html = join(dir, 'r.html');
    expect(
      (await cli('report', '--data', SAMPLE_XLSX, '--month', '2025-01', '--format', 'html', '--out', html)).code,
    ).toBe(0);
    const text = await readFile(html, 'utf8');
    expect(text).toContain('<title>Laporan Layanan Informasi DJPK — Januari 2025</title>');
    expect(text).toContain(
      'Pada bulan Januari 2025, Contact Center DJPK melayani 1.010 konsultasi, turun 9% dibandingkan bulan sebelumnya (1.112 konsultasi)',
    );
    expect(text.match(/<svg /g)?.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/<script/);
    // The team's Narasi, Evaluasi dan Saran and contacts from the workbook; no command for the director.
    expect(text).toContain(
      '<section id="evaluasi"><h2>Evaluasi dan Saran</h2><div class="narasi"><h3>Tim Contact Center</h3>',
    );
    expect(text).toContain('<dt>WhatsApp</dt><dd>0811-150420-7</dd>');
    expect(text).not.toMatch(/npm run|--data /);
    const md = await cli('report', '--data', SAMPLE_XLSX, '--format', 'md');
    expect(md.stdout).toContain('| WhatsApp | 695 | 69% | 771 | 1.028 | -10% | -32% |');
  });

  it('adds summary tabs to a copy of the workbook and leaves every log tab as it was; re-running replaces them', async () => {
    const out = join(dir, 'laporan.xlsx');
    expect((await cli('report', '--data', SAMPLE_XLSX, '--format', 'xlsx', '--out', out)).code).toBe(0);
    const before = await sampleRaw();
    const after = await readXlsxFile(out);
    // The generated tabs come first (issue 8: the workbook opens on the report, not on a log).
    expect(Object.keys(after)).toEqual(['Laporan 2025-01', 'Validasi', 'Tren', ...Object.keys(before)]);
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);

    const again = join(dir, 'laporan2.xlsx');
    expect((await cli('report', '--data', out, '--format', 'xlsx', '--out', again)).code).toBe(0);
    const twice = await readXlsxFile(again);
    expect(Object.keys(twice).filter((n) => n === 'Laporan 2025-01')).toHaveLength(1);
    expect(twice['Laporan 2025-01']).toEqual(after['Laporan 2025-01']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const validasi = workbook.getWorksheet('Validasi');
    const link = validasi?.getRow(5).getCell(3).value as { hyperlink?: string };
    expect(link.hyperlink).toBe("#'Tiket'!B1272");
    // Native charts: one chart part per chart spec, each series pointing at cells that hold its data.
    const zip = await JSZip.loadAsync(await readFile(out));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const specs = renderSummarySheets(await sampleReport('2025-01')).flatMap((s) =>
      s.charts.map((c) => ({ sheet: s.name, c })),
    );
    expect(charts).toHaveLength(specs.length);
    const donutXml = await Promise.all(charts.map((f) => zip.file(f)?.async('string') ?? ''));
    const donut = donutXml.find((x) => x.includes('Tiket Konsultasi per Kanal Januari 2025')) ?? '';
    expect(donut).toContain('<c:doughnutChart>');
    const [, catRange] =
      /<c:cat><c:strRef><c:f>'Laporan 2025-01'!\$([A-Z]+\$\d+:\$[A-Z]+\$\d+)<\/c:f>/.exec(donut) ?? [];
    const [, valRange] =
      /<c:val><c:numRef><c:f>'Laporan 2025-01'!\$([A-Z]+\$\d+:\$[A-Z]+\$\d+)<\/c:f>/.exec(donut) ?? [];
    const report = workbook.getWorksheet('Laporan 2025-01');
    const cells = (range: string) => {
      const [from, to] = range.replace(/\$/g, '').split(':') as [string, string];
      const col = from.replace(/\d+/g, '');
      const rows = Array.from(
        { length: Number(to.replace(/\D/g, '')) - Number(from.replace(/\D/g, '')) + 1 },
        (_, i) => Number(from.replace(/\D/g, '')) + i,
      );
      return rows.map((r) => report?.getCell(`${col}${r}`).value);
    };
    expect(cells(catRange ?? '')).toEqual(['WhatsApp', 'Telepon', 'Email', 'Help Desk', 'Live Chat']);
    expect(cells(valRange ?? '')).toEqual([695, 60, 219, 32, 4]);
    // Only the generated tabs with charts (Laporan, Tren) get a drawing; the agents' tabs none.
    const sheetXmls = await Promise.all(zip.file(/xl\/worksheets\/sheet\d+\.xml/).map((f) => f.async('string')));
    expect(sheetXmls.filter((x) => x.includes('<drawing'))).toHaveLength(2);

    const sheet = after['Laporan 2025-01'] ?? [];
    // Each table spreads over the page grid (its own widths): the row's figures, gaps left out.
    const channelRow = sheet
      .map((r) => r.filter((v) => v !== null && v !== undefined && v !== ''))
      .find((r) => r[0] === 'WhatsApp' && r[1] === 695);
    expect(channelRow?.[2]).toBeCloseTo(0.688, 3);
    // Opens on the report tab; prints on A4 fitted to the page's width, page numbers in the footer.
    const book = await zip.file('xl/workbook.xml')?.async('string');
    expect(book).toMatch(/<sheets><sheet [^>]*name="Laporan 2025-01"/);
    expect(book).toContain('activeTab="0"');
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Laporan 2025-01&apos;!$A$1:$AG$',
    );
    // Exactly one selected tab, the report (exceljs does not read tabSelected back: check the XML).
    const selected = sheetXmls.filter((x) => x.includes('tabSelected="1"'));
    expect(selected).toHaveLength(1);
    expect(selected[0]).toContain('<drawing ');
    expect(selected[0]).toContain('<mergeCell ');
    // Page breaks put before charts that would cross a printed page's end.
    expect(selected[0]).toMatch(/<rowBreaks count="[1-9]/);
    expect(report?.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(report?.headerFooter.oddFooter).toContain('Halaman &P dari &N');
    // Sentences span the printed columns and wrap, so no chart data beside them cuts them off.
    const sentenceRow = report
      ?.getColumn(1)
      .values.findIndex((v) => String(v).startsWith('Pada bulan Januari 2025, Contact Center'));
    expect(report?.getCell(`A${sentenceRow}`).isMerged).toBe(true);
    expect(report?.getCell(`AG${sentenceRow}`).master.address).toBe(`A${sentenceRow}`);
    // Each table's columns fit its own content (merged runs of the page grid): the Ringkasan's
    // label column is wide, its figure columns are not.
    const labelCell = report?.getCell(`A${report?.getColumn(1).values.indexOf('Indikator') ?? 0}`);
    expect(labelCell?.isMerged).toBe(true);
    // Counts in Tren are integers; averages keep their decimals.
    const tren = workbook.getWorksheet('Tren');
    const trenRow = (label: string) => tren?.getColumn(1).values.indexOf(label) ?? -1;
    expect(tren?.getRow(trenRow('Tiket Konsultasi')).getCell(14).numFmt).toBe('#,##0');
    expect(tren?.getRow(trenRow('Tiket Konsultasi')).getCell(14).value).toBe(1010);
    expect(tren?.getRow(trenRow('Rata-rata Publikasi Konten Media Sosial')).getCell(14).numFmt).toBe('#,##0.00');
    // One colour per channel in the .xlsx charts too.
    expect(donut).toContain(
      '<c:dPt><c:idx val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="2E8B57"/>',
    );
  });

  it('refuses to overwrite the data file', async () => {
    const { code, stderr } = await cli('report', '--data', SAMPLE_XLSX, '--format', 'xlsx', '--out', SAMPLE_XLSX);
    expect(code).toBe(2);
    expect(stderr).toBe('Galat: --out tidak boleh menimpa berkas data tim\n');
  });

  it('--strict fails when the month has error findings', async () => {
    expect((await cli('report', '--data', SAMPLE_XLSX, '--format', 'json', '--strict')).code).toBe(1);
  });

  it.each([
    [['report', '--data', '/tidak/ada.xlsx'], 'Galat: Berkas data tidak ditemukan: /tidak/ada.xlsx\n'],
    [
      ['report', '--data', SAMPLE_XLSX, '--month', '2025-13'],
      "Galat: Bulan '2025-13' tidak valid; tulis YYYY-MM, misalnya 2025-01\n",
    ],
    [
      ['report', '--data', SAMPLE_XLSX, '--format', 'docx'],
      "Galat: Format 'docx' tidak dikenal; pilih json, md, html, xlsx, pptx, pdf\n",
    ],
    [['report'], 'Galat: --data wajib diisi: berkas .xlsx atau folder CSV\n'],
    [['cetak'], "Galat: Perintah 'cetak' tidak dikenal; pilih report, validate atau template\n"],
  ])('unusable input %j: one Indonesian line, exit 2', async (args, message) => {
    const { code, stderr } = await cli(...args);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('a file that is not really .xlsx', async () => {
    const fake = join(dir, 'rusak.xlsx');
    await writeFile(fake, 'bukan zip');
    const { code, stderr } = await cli('report', '--data', fake);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^Galat: Berkas .*rusak\.xlsx tidak dapat dibaca \(.+\)\n$/);
  });

  it('a month without data is reported as such', async () => {
    const { code, stdout, stderr } = await cli(
      'report',
      '--data',
      SAMPLE_XLSX,
      '--month',
      '2025-03',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('data Maret 2025 belum tersedia; data terakhir: 2025-01');
    expect(JSON.parse(stdout).metrics['konsultasi.total']).toBeUndefined();
  });
});

describe('validate and template', () => {
  it('validate prints the findings table and exits 1 on errors', async () => {
    const { code, stdout } = await cli('validate', '--data', SAMPLE_XLSX);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /Galat\s+Tiket\s+B1272\s+Kanal\s+Kanal 'Whatsap' tidak dikenal; maksud Anda 'WhatsApp'\?\s+Baris tidak dihitung/,
    );
  });

  it('validate --format html|md|json writes the findings as their own document', async () => {
    const html = join(dir, 'validasi.html');
    const written = await cli(
      'validate',
      '--data',
      SAMPLE_XLSX,
      '--month',
      '2025-01',
      '--format',
      'html',
      '--out',
      html,
    );
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<title>Validasi Data Layanan Informasi DJPK — Januari 2025</title>');
    expect(page).toContain(
      '<td class="text title galat" data-label="Tingkat">Galat</td><td class="text short" data-label="Tab">Tiket</td><td class="text short" data-label="Sel">B1272</td><td class="text short" data-label="Kolom">Kanal</td>',
    );
    expect(page).toMatch(/dibuat \d\d\/\d\d\/\d{4} \d\d:\d\d WIB/);
    const md = await cli('validate', '--data', SAMPLE_XLSX, '--format', 'md');
    expect(md.stdout).toContain(
      "| Galat | Tiket | B1272 | Kanal | Kanal 'Whatsap' tidak dikenal; maksud Anda 'WhatsApp'? | Baris tidak dihitung |",
    );
    const json = JSON.parse((await cli('validate', '--data', SAMPLE_XLSX, '--format', 'json')).stdout);
    expect(json.findings).toContainEqual(expect.objectContaining({ tab: 'Tiket', cell: 'B1272', severity: 'error' }));
    expect(json.generatedAt).toMatch(/ WIB$/);
    const bad = await cli('validate', '--data', SAMPLE_XLSX, '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("Galat: Format 'pdf' tidak dikenal untuk validate; pilih text, html, md, json\n");
  });

  it('the report says what to fix in the spreadsheet, shows the director no command, and says when it was made, in WIB', async () => {
    const html = join(dir, 'catatan.html');
    await cli('report', '--data', SAMPLE_XLSX, '--format', 'html', '--out', html);
    const text = await readFile(html, 'utf8');
    expect(text).not.toContain('class="findings"><thead');
    expect(text).toContain('Terdapat 1 temuan (1 galat) pada data Januari 2025.');
    // What to fix, in words; no command for the director.
    expect(text).toContain('<li>Tab Tiket, sel B1272 (kolom Kanal): Kanal &#39;Whatsap&#39; tidak dikenal;');
    expect(text).not.toContain('--month 2025-01');
    expect(text).toMatch(/dibuat \d\d\/\d\d\/\d{4} \d\d:\d\d WIB<\/footer>/);
  });

  it('template writes every tab with headers, drop-downs and valid example rows', async () => {
    const out = join(dir, 'template.xlsx');
    expect((await cli('template', '--out', out)).code).toBe(0);
    expect((await cli('template', '--out', out)).code).toBe(2);
    const raw = await readXlsxFile(out);
    expect(Object.keys(raw)).toContain('Tiket');
    expect(raw.Tiket?.[0]?.slice(0, 3)).toEqual(['Tanggal', 'Kanal', 'Kategori Pengguna']);
    // Example rows are marked in a last "Contoh" column and not counted (issue 8: a fresh template
    // reported "melayani 2 tiket konsultasi … turun 100%"); validate says they are there.
    expect(raw.Tiket?.[0]?.at(-1)).toBe('Contoh');
    // Nama Instansi offers the official Pemda names of the 'Daftar Pemda' tab; another name only informs.
    expect(raw['Daftar Pemda']).toHaveLength(553);
    expect(raw['Daftar Pemda']?.[1]).toEqual(['Provinsi Aceh', 'Prov. Aceh', 'Provinsi', 'Aceh', 'WIB', '11']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const validations = (
      book.getWorksheet('Tiket') as unknown as { dataValidations: { model: Record<string, unknown> } }
    ).dataValidations.model;
    const instansi = Object.entries(validations).find(([range]) => range.startsWith('D2'))?.[1];
    expect(instansi).toMatchObject({
      type: 'list',
      errorStyle: 'information',
      formulae: ["'Daftar Pemda'!$A$2:$A$553"],
    });
    const parsed = parseWorkbook(raw, { now: Date.UTC(2026, 0, 1) });
    expect(parsed.tiket).toHaveLength(0);
    expect(parsed.rekap).toHaveLength(0);
    expect(parsed.findings.every((f) => f.severity === 'info' && f.column === 'Contoh')).toBe(true);
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({
        tab: 'Tiket',
        cell: 'N2',
        message: '2 baris contoh dari template (baris 2, 3) tidak dihitung; hapus baris itu setelah data asli diisi',
      }),
    );
    const validate = await cli('validate', '--data', out);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('2 baris contoh dari template (baris 2, 3) tidak dihitung');
    // The examples are valid rows: with the mark emptied they count, without a single finding.
    const unmarked = Object.fromEntries(
      Object.entries(raw).map(([name, grid]) => [
        name,
        grid.map((row) => (row.at(-1) === 'Contoh' ? row.slice(0, -1) : row)),
      ]),
    );
    const counted = parseWorkbook(unmarked, { now: Date.UTC(2026, 0, 1) });
    expect(counted.findings).toEqual([]);
    expect(counted.tiket).toHaveLength(2);
    // A real row typed under the examples is the only ticket counted.
    const withData = join(dir, 'template-diisi.xlsx');
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    filled
      .getWorksheet('Tiket')
      ?.addRow([new Date(Date.UTC(2025, 0, 8, 9)), 'Telepon', 'Pemda', 'Kab. Bogor', 'DAU', 'WIB', null, 'Tidak']);
    await filled.xlsx.writeFile(withData);
    const json = JSON.parse((await cli('report', '--data', withData, '--month', '2025-01', '--format', 'json')).stdout);
    expect(json.metrics['konsultasi.total'].value).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const validation = workbook.getWorksheet('Tiket')?.getCell('B2').dataValidation;
    expect(validation?.formulae?.[0]).toBe('"WhatsApp,Telepon,Email,Help Desk,Live Chat"');
  });
});

describe('CSV folder source', () => {
  const csvCell = (v: CellValue) => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) {
      const p = (n: number) => String(n).padStart(2, '0');
      const time = v.getUTCHours() || v.getUTCMinutes() ? ` ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}` : '';
      return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}${time}`;
    }
    const text = String(v);
    return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  it('the sample exported as CSV with text dates gives the same report as the .xlsx', async () => {
    const folder = join(dir, 'csv');
    await mkdir(folder);
    for (const [name, grid] of Object.entries(await sampleRaw())) {
      await writeFile(
        join(folder, `${name}.csv`),
        `\ufeff${grid.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`,
      );
    }
    const fromCsv = JSON.parse((await cli('report', '--data', folder, '--format', 'json')).stdout);
    const fromXlsx = JSON.parse((await cli('report', '--data', SAMPLE_XLSX, '--format', 'json')).stdout);
    expect(fromCsv.metrics).toEqual(fromXlsx.metrics);
    expect(fromCsv.findings).toEqual(fromXlsx.findings);
  });
});

describe('the installed command', () => {
  it("the README's piped commands give clean output (npm's banner stays out of stdout)", async () => {
    const readme = await readFile(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
    const commands = readme.match(/^npm run (?:-s )?(?:report|validate) .*$/gm) ?? [];
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) expect(command).toMatch(/^npm run -s /);
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'report', '--', '--data', SAMPLE_XLSX, '--format', 'json'],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      },
    );
    expect(JSON.parse(stdout).month).toBe('2025-01');
  });

  it('bin/djpk-report.js runs through tsx', async () => {
    const bin = fileURLToPath(new URL('../../bin/djpk-report.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'report',
      '--data',
      SAMPLE_XLSX,
      '--format',
      'json',
    ]);
    expect(JSON.parse(stdout).metrics['konsultasi.total'].value).toBe(1010);
  });

  it('a reader that stops early (| head) ends the output quietly: exit 0, nothing on stderr', async () => {
    const bin = fileURLToPath(new URL('../../bin/djpk-report.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'report', '--data', SAMPLE_XLSX, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Like `| head -c 100` that has already read its bytes: the pipe is closed before the CLI writes.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
