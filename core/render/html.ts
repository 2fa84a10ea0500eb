import type { Report, Table } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import type { Finding } from '../workbook/findings';
import { formatCell } from './cells';
import { findingsAsTable, findingsCount } from './findings';
import { chartFigure, escapeHtml as esc } from './svg';

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Segoe UI",Arial,sans-serif;color:#1d2733;margin:0;background:#eef2f6;line-height:1.45}
header{background:#0b4f8a;color:#fff;padding:28px 40px}header h1{margin:0;font-size:28px}header p{margin:6px 0 0;opacity:.85}
main{max-width:1040px;margin:0 auto;padding:24px}
section{background:#fff;border-radius:8px;padding:20px 28px;margin:0 0 20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h2{color:#0b4f8a;border-bottom:3px solid #f2a900;padding-bottom:6px;margin-top:0}
h3{font-size:15px;margin:18px 0 6px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:6px 0 12px}
table{border-collapse:collapse;width:100%;font-size:13px}
th{background:#0b4f8a;color:#fff;text-align:left;padding:6px 8px}td{padding:5px 8px;border-bottom:1px solid #dde3ea}
td.num,th.num{text-align:right;white-space:nowrap}td:first-child:not(.num){min-width:9em}tr:nth-child(even) td{background:#f7f9fb}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin-bottom:12px}
.tile{background:#f7f9fb;border-left:4px solid #f2a900;padding:10px 12px}.tile b{display:block;font-size:26px;color:#0b4f8a}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,300px),1fr));gap:20px 28px;margin:12px 0}
figure{margin:0;min-width:0}figure.wide{grid-column:1/-1}figcaption{font-weight:600;font-size:14px;margin-bottom:6px}
.donut-wrap{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px}.donut-wrap .legend{flex-direction:column;flex:1 1 160px}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
.legend i{display:inline-block;width:11px;height:11px;margin-right:6px;vertical-align:-1px;border-radius:2px}
.note,.muted{color:#6b7785}.nodata{color:#6b7785;font-size:13px;border:1px dashed #c5ced8;border-radius:6px;padding:18px;text-align:center;margin:0}p.note{font-size:12px;margin:6px 0 0}
svg.chart{display:block;font-size:12px;overflow:visible;fill:#1d2733}svg .big{font-size:22px;font-weight:700;fill:#0b4f8a}
svg .muted{fill:#6b7785}svg .grid{stroke:#dde3ea}svg .axis{stroke:#9aa5b1}
.findings td.galat{color:#b03a2e;font-weight:600}footer{text-align:center;color:#6b7785;font-size:12px;padding:12px}
code{background:#eef2f6;padding:1px 4px;border-radius:3px;font-size:12px;overflow-wrap:anywhere}
@media (max-width:640px){
header{padding:18px 16px}header h1{font-size:21px}main{padding:10px}section{padding:14px;margin-bottom:12px}
h2{font-size:19px}.tiles{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}.tile b{font-size:21px}
svg .dense,svg .minor{display:none}
}
@page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:"Halaman " counter(page) " dari " counter(pages);font:9pt Arial,sans-serif;color:#6b7785}}
@media print{
body{background:#fff;font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
header{background:none;color:#0b4f8a;padding:0 0 8px;border-bottom:3px solid #f2a900;margin-bottom:12px}header p{opacity:1;color:#1d2733}
main{max-width:none;padding:0}section{box-shadow:none;border-radius:0;padding:0;margin:0 0 16px}
h2,h3,figcaption{break-after:avoid}h2{font-size:16pt}
figure,.tile,tr,.donut-wrap{break-inside:avoid}
.charts{grid-template-columns:1fr 1fr}.scroll{overflow:visible}thead{display:table-header-group}
footer{padding:8px 0 0}
}
`;

const numeric = (format: string) => format !== 'text';

function tableHtml(table: Table, cls = ''): string {
  if (table.rows.length === 0) return `<h3>${esc(table.title)}</h3><p class="muted">Tidak ada data.</p>`;
  const head = table.columns.map((c) => `<th${numeric(c.format) ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const format = table.columns[i]?.format ?? 'text';
            return `<td${numeric(format) ? ' class="num"' : ''}>${esc(formatCell(cell, format, table.columns[i]?.decimals))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<h3>${esc(table.title)}</h3><div class="scroll"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export interface HtmlOptions {
  /** When the file was made, as a person reads it ("23/11/2026 09.15 WIB"). */
  readonly generatedAt?: string;
  readonly source?: string;
  /** The command that lists this month's findings, quoted in the report's notice. */
  readonly validateHint?: string;
}

function page(title: string, subtitle: string, body: string, options: HtmlOptions): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} — ${esc(subtitle)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc(subtitle)} · Direktorat Jenderal Perimbangan Keuangan</p></header>
<main>
${body}
</main><footer>${esc(options.source ?? 'Sumber: Spreadsheet Layanan Informasi')}${options.generatedAt ? ` · dibuat ${esc(options.generatedAt)}` : ''}</footer></body></html>
`;
}

/**
 * A standalone HTML file laid out like the seed reports: one card per section, charts inline.
 * The data findings are not listed here (the report is for the director): a short notice says how
 * many there are and where to see them (`validate --format html`, the Validasi tab).
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const tiles = report.sections
    .find((s) => s.id === 'ringkasan')
    ?.metrics.map((key) => report.metrics[key])
    .filter((f) => f !== undefined)
    .map((f) => `<div class="tile"><b>${esc(formatCell(f.value, 'int'))}</b>${esc(f.label)}</div>`)
    .join('');
  const chartOptions = { percentDecimals: report.percentDecimals };
  const sections = report.sections
    .map((s) => {
      const charts = s.charts.length
        ? `<div class="charts">${s.charts.map((c) => chartFigure(c, chartOptions)).join('')}</div>`
        : '';
      return `<section id="${esc(s.id)}"><h2>${esc(s.title)}</h2>${s.id === 'ringkasan' ? `<div class="tiles">${tiles ?? ''}</div>` : ''}${s.sentences.map((x) => `<p>${esc(x)}</p>`).join('')}${charts}${s.tables.map((t) => tableHtml(t)).join('')}</section>`;
    })
    .join('\n');
  const findings = findingsForMonth(report);
  const notice = findings.length
    ? `<p>Terdapat ${esc(findingsCount(findings))} pada data ${esc(report.monthLabel)}. Baris bergalat tidak dihitung dalam angka laporan ini. Daftar lengkapnya ada di tab Validasi pada laporan .xlsx${options.validateHint ? ` atau dengan perintah <code>${esc(options.validateHint)}</code>` : ''}.</p>`
    : `<p>Tidak ada temuan pada data ${esc(report.monthLabel)}.</p>`;
  return page(
    'Laporan Layanan Informasi DJPK',
    report.monthLabel,
    `${sections}\n<section id="catatan-data"><h2>Catatan Data</h2>${notice}</section>`,
    options,
  );
}

/** `validate --format html`: the findings table on its own page, for the team that fixes the data. */
export function renderFindingsHtml(findings: readonly Finding[], period: string, options: HtmlOptions = {}): string {
  const body = findings.length
    ? `<section id="validasi"><h2>Temuan Data</h2><p>${esc(findingsCount(findings))}. Baris bergalat tidak dihitung dalam laporan sampai diperbaiki; peringatan tetap dihitung tetapi perlu diperiksa.</p>${tableHtml(findingsAsTable(findings, 'Daftar Temuan'), 'findings').replace(/<td>Galat<\/td>/g, '<td class="galat">Galat</td>')}</section>`
    : '<section id="validasi"><h2>Temuan Data</h2><p>Tidak ada temuan.</p></section>';
  return page('Validasi Data Layanan Informasi DJPK', period, body, options);
}
