import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/workbook/cells';
import { addGridSheet } from '../formats/xlsx/gridSheet';
import { sampleWorkbook } from './sampleData';

/**
 * The sample with the team's longest words (issue 17): a 3,000-character `Narasi` paragraph beside
 * a chart, a 14-bullet Evaluasi dan Saran under two headings, and a word of `wordLength`
 * characters without a space (20,000 in the issue; the bench uses 50,000). To look at the deck:
 * `npx tsx sample/longText.ts out/panjang.xlsx [panjang kata]`, then `npm run -s report -- --data
 * out/panjang.xlsx --month 2025-01 --format pptx,pdf --out-dir out`.
 */

const WORDS = [
  'koordinasi',
  'layanan',
  'informasi',
  'pemerintah',
  'daerah',
  'penyaluran',
  'dana',
  'transfer',
  'ketentuan',
  'pengguna',
  'konsultasi',
  'tindak',
  'lanjut',
  'kebijakan',
  'terkini',
];

/** Deterministic prose of about `length` characters, ending with a full stop. */
export function prose(length: number, seed = 1): string {
  const out: string[] = [];
  let n = 0;
  let i = seed;
  while (n < length) {
    const word = WORDS[(i * 7 + 3) % WORDS.length] ?? 'data';
    out.push(word);
    n += word.length + 1;
    i++;
  }
  return `${out.join(' ').slice(0, length - 1)}.`;
}

export const LONG_PARAGRAPH = prose(3000);
export const EVALUASI_BULLETS = Array.from(
  { length: 14 },
  (_, i) => `Butir ${i + 1}: ${prose(180 + (i % 4) * 60, i + 2)}`,
);

export function longTextWorkbook(wordLength = 20_000): Record<string, CellValue[][]> {
  const raw = sampleWorkbook() as Record<string, CellValue[][]>;
  const narasi = [...(raw.Narasi ?? [['Bulan', 'Bagian', 'Judul', 'Teks']])].filter(
    (row, i) => i === 0 || row[1] !== 'Evaluasi dan Saran',
  );
  narasi.push(
    ['2025-01', 'Layanan WhatsApp', 'Catatan Tim', LONG_PARAGRAPH],
    [
      '2025-01',
      'Evaluasi dan Saran',
      'Tim Contact Center',
      EVALUASI_BULLETS.slice(0, 7)
        .map((b) => `- ${b}`)
        .join('\n'),
    ],
    [
      '2025-01',
      'Evaluasi dan Saran',
      'Manajemen Informasi',
      EVALUASI_BULLETS.slice(7)
        .map((b) => `- ${b}`)
        .join('\n'),
    ],
    ['2025-01', 'Layanan PPID', 'Kata Panjang', `Awal ${'x'.repeat(wordLength)} akhir.`],
  );
  raw.Narasi = narasi;
  return raw;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, length] = process.argv.slice(2);
  if (!path) throw new Error('pakai: npx tsx sample/longText.ts BERKAS.xlsx [PANJANG_KATA]');
  const workbook = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(longTextWorkbook(Number(length ?? 20_000))))
    addGridSheet(workbook, name, grid);
  await workbook.xlsx.writeFile(path);
}
