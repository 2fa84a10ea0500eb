/** Writes sample/djpk-sample.xlsx from sampleData.ts: `npm run sample:build`. */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { addGridSheet } from '../formats/xlsx/gridSheet';
import { sampleWorkbook } from './sampleData';

export const SAMPLE_PATH = fileURLToPath(new URL('./djpk-sample.xlsx', import.meta.url));

const workbook = new ExcelJS.Workbook();
workbook.creator = 'djpk-report sample';
// Fixed dates keep the file identical from run to run.
workbook.created = new Date(Date.UTC(2025, 1, 1));
workbook.modified = workbook.created;
for (const [name, grid] of Object.entries(sampleWorkbook())) addGridSheet(workbook, name, grid);
await workbook.xlsx.writeFile(SAMPLE_PATH);
process.stderr.write(`Sampel ditulis: ${SAMPLE_PATH}\n`);
