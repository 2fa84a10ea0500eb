import { readXlsxFile } from './cli/xlsx/readXlsx';
import { parseWorkbook, ReportBuilder, parseIsoMonth } from './core/index';
const t0 = performance.now();
const raw = await readXlsxFile('./sample/djpk-sample.xlsx');
const t1 = performance.now();
const wb = parseWorkbook(raw, { now: Date.UTC(2026, 10, 22) });
const b = new ReportBuilder(wb);
const r = b.build(parseIsoMonth(process.argv[2] ?? '2025-01')!);
const t2 = performance.now();
console.log('read', (t1-t0).toFixed(0), 'ms; compute', (t2-t1).toFixed(0));
for (const [k, f] of Object.entries(r.metrics)) if (!k.includes('.topik.')) console.log(k, f.value, f.previousMonth, f.sameMonthLastYear, f.momPct, f.yoyPct, f.source);
for (const s of r.sections) { console.log('##', s.title); for (const x of s.sentences) console.log('  ', x); for (const t of s.tables) { console.log('  [' + t.title + ']'); for (const row of t.rows.slice(0, 12)) console.log('    ', JSON.stringify(row)); } }
console.log(r.findings);
