import type { Report, Table } from '../metrics/model';
import { findingEffect, SEVERITY_LABELS } from '../workbook/findings';
import { formatCell } from './cells';
import { findingsForMonth } from './json';
import { chartSvg, escapeHtml as esc } from './svg';

const STYLE = `
body{font-family:"Segoe UI",Arial,sans-serif;color:#1d2733;margin:0;background:#eef2f6}
header{background:#0b4f8a;color:#fff;padding:28px 40px}header h1{margin:0;font-size:28px}header p{margin:6px 0 0;opacity:.85}
main{max-width:1040px;margin:0 auto;padding:24px}
section{background:#fff;border-radius:8px;padding:20px 28px;margin:0 0 20px;box-shadow:0 1px 3px rgba(0,0,0,.08);page-break-inside:avoid}
h2{color:#0b4f8a;border-bottom:3px solid #f2a900;padding-bottom:6px;margin-top:0}
h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 12px}
th{background:#0b4f8a;color:#fff;text-align:left;padding:6px 8px}td{padding:5px 8px;border-bottom:1px solid #dde3ea}
td.num,th.num{text-align:right}tr:nth-child(even) td{background:#f7f9fb}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px;margin-bottom:12px}
.tile{background:#f7f9fb;border-left:4px solid #f2a900;padding:10px 12px}.tile b{display:block;font-size:26px;color:#0b4f8a}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
figure{margin:0;max-width:520px}figcaption{font-weight:600;font-size:13px;margin-bottom:4px}
svg{width:100%;height:auto;font-size:11px}svg .big{font-size:22px;font-weight:700;fill:#0b4f8a}svg .muted{fill:#6b7785}svg .grid{stroke:#dde3ea}
.findings td.galat{color:#b03a2e;font-weight:600}footer{text-align:center;color:#6b7785;font-size:12px;padding:12px}
@media print{body{background:#fff}section{box-shadow:none}}
`;

function tableHtml(table: Table): string {
  if (table.rows.length === 0) return `<h3>${esc(table.title)}</h3><p class="muted">Tidak ada data.</p>`;
  const head = table.columns
    .map((c) => `<th${c.format === 'text' ? '' : ' class="num"'}>${esc(c.header)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const format = table.columns[i]?.format ?? 'text';
            return `<td${format === 'text' ? '' : ' class="num"'}>${esc(formatCell(cell, format))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<h3>${esc(table.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A standalone HTML file laid out like the seed reports: one card per section, charts inline. */
export function renderHtml(report: Report, options: { generatedAt?: string; source?: string } = {}): string {
  const tiles = report.sections
    .find((s) => s.id === 'ringkasan')
    ?.metrics.map((key) => report.metrics[key])
    .filter((f) => f !== undefined)
    .map((f) => `<div class="tile"><b>${esc(formatCell(f.value, 'int'))}</b>${esc(f.label)}</div>`)
    .join('');
  const sections = report.sections
    .map((s) => {
      const charts = s.charts.length
        ? `<div class="charts">${s.charts.map((c) => `<figure><figcaption>${esc(c.title)}</figcaption>${chartSvg(c)}</figure>`).join('')}</div>`
        : '';
      return `<section id="${s.id}"><h2>${esc(s.title)}</h2>${s.id === 'ringkasan' ? `<div class="tiles">${tiles ?? ''}</div>` : ''}${s.sentences.map((x) => `<p>${esc(x)}</p>`).join('')}${charts}${s.tables.map(tableHtml).join('')}</section>`;
    })
    .join('\n');
  const findings = findingsForMonth(report);
  const findingRows = findings
    .map(
      (f) =>
        `<tr><td class="${f.severity === 'error' ? 'galat' : ''}">${SEVERITY_LABELS[f.severity]}</td><td>${esc(f.tab)}</td><td>${esc(f.cell ?? (f.row ? `baris ${f.row}` : ''))}</td><td>${esc(f.column ?? '')}</td><td>${esc(f.message)}</td><td>${esc(findingEffect(f))}</td></tr>`,
    )
    .join('');
  const validasi = `<section id="validasi"><h2>Validasi Data</h2>${
    findings.length
      ? `<p>${findings.length} temuan pada data bulan ini. Baris bergalat tidak dihitung dalam angka laporan.</p><table class="findings"><thead><tr><th>Tingkat</th><th>Tab</th><th>Sel</th><th>Kolom</th><th>Pesan</th><th>Akibat</th></tr></thead><tbody>${findingRows}</tbody></table>`
      : '<p>Tidak ada temuan pada data bulan ini.</p>'
  }</section>`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Laporan Layanan Informasi DJPK — ${esc(report.monthLabel)}</title><style>${STYLE}</style></head>
<body><header><h1>Laporan Layanan Informasi DJPK</h1><p>${esc(report.monthLabel)} · Direktorat Jenderal Perimbangan Keuangan</p></header>
<main>
${sections}
${validasi}
</main><footer>${esc(options.source ?? 'Sumber: Spreadsheet Layanan Informasi')}${options.generatedAt ? ` · dibuat ${esc(options.generatedAt)}` : ''}</footer></body></html>
`;
}
