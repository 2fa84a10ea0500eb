/**
 * The CLI's PDF uses the full DejaVu fonts, which still lack emoji and CJK: such a character was
 * drawn as the empty .notdef glyph with no word said. Now it is written as "?" (or its base letters)
 * and the CLI says so, naming it and its slide; the PPTX keeps it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { cli } from '../fixtures/cli';
import { SAMPLE_XLSX } from '../fixtures/sample';

it('a Narasi text with an emoji and a CJK character: the PDF says "?" and the CLI names both, the accented names print as typed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'djpk-glyphs-'));
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_XLSX);
    workbook
      .getWorksheet('Narasi')
      ?.addRow(['2025-01', 'Evaluasi dan Saran', 'Catatan Agen', 'Terima kasih 🙏 Bu Ayşe dan Pak José (你)']);
    const input = join(dir, 'data.xlsx');
    await workbook.xlsx.writeFile(input);
    const out = join(dir, 'out');
    const run = await cli('report', '--data', input, '--month', '2025-01', '--format', 'pdf', '--out-dir', out);
    expect(run.code).toBe(0);
    const warning = run.stderr.split('\n').find((l) => l.startsWith('Peringatan: PDF:'));
    expect(warning).toMatch(
      /^Peringatan: PDF: 2 karakter tidak ada di font PDF dan diganti: "🙏" \(U\+1F64F\) → "\?" \(slide \d+\); "你" \(U\+4F60\) → "\?" \(slide \d+\)\. Berkas PPTX memuat teks aslinya/,
    );
    const pdf = await readFile(join(out, 'laporan-2025-01.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
