import type { Report, Section, Table } from '../metrics/model';
import { findingsForMonth } from '../metrics/monthFindings';
import type { Finding } from '../workbook/findings';
import { DEFAULT_PROFILE, type ServiceProfile } from '../workbook/profile';
import { formatCell } from './cells';
import { findingsAsTable, findingsCount } from './findings';
import {
  contactsOf,
  EVALUASI,
  type NarasiRow,
  type NarrativeParagraph,
  narasiBody,
  PEMBUKA,
  placeNarasi,
} from './narrative';
import { sectionHasData, withoutDataSentence } from './sectionData';
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
p,li,td,h3,dd{overflow-wrap:anywhere}
.narasi{border-left:4px solid #f2a900;background:#fffaf0;padding:8px 16px;margin:12px 0}.narasi h3{margin:10px 0 4px}
.narasi ul{margin:4px 0 10px;padding-left:22px}.narasi p{margin:6px 0}
dl.contacts{display:grid;grid-template-columns:minmax(9em,max-content) 1fr;gap:6px 18px;margin:8px 0}
dl.contacts dt{font-weight:600;color:#0b4f8a}dl.contacts dd{margin:0}
ul.findings{margin:6px 0;padding-left:22px}
@media (max-width:640px){
header{padding:18px 16px}header h1{font-size:21px}main{padding:10px}section{padding:14px;margin-bottom:12px}
h2{font-size:19px}.tiles{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}.tile b{font-size:21px}
svg .dense,svg .minor{display:none}
dl.contacts{grid-template-columns:1fr;gap:0}dl.contacts dd{margin:0 0 8px}
table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.reflow,table.reflow tbody,table.reflow tr,table.reflow td{display:block;width:100%}
table.reflow tr{border:1px solid #dde3ea;border-radius:6px;margin:0 0 8px;padding:4px 0}
table.reflow tr:nth-child(even) td{background:none}
table.reflow td{display:flex;justify-content:space-between;gap:12px;border:0;padding:3px 10px;text-align:right;white-space:normal}
table.reflow td::before{content:attr(data-label);color:#6b7785;font-weight:600;text-align:left;flex:0 1 auto}
table.reflow td.text:not(.short){display:block;text-align:left}table.reflow td.text:not(.short)::before{display:block}
table.reflow td.title{font-weight:700;color:#0b4f8a}table.reflow td.title::before{content:none}
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

/**
 * Tables of four or more columns reflow on a phone (each row a card of "label  value" lines), so
 * no column (e.g. "Perubahan dari Des-24") is pushed off the screen unseen; narrower tables fit.
 */
const REFLOW_COLUMNS = 4;
const REFLOW_SHORT_TEXT = 28;

function tableHtml(table: Table, cls = ''): string {
  if (table.rows.length === 0) return `<h3>${esc(table.title)}</h3><p class="muted">Tidak ada data.</p>`;
  const reflow = table.columns.length >= REFLOW_COLUMNS;
  const classes = [cls, reflow ? 'reflow' : ''].filter(Boolean).join(' ');
  const head = table.columns.map((c) => `<th${numeric(c.format) ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const column = table.columns[i];
            const format = column?.format ?? 'text';
            const text = formatCell(cell, format, column?.decimals);
            // On a phone a long text stands under its label; a short one beside it, like a number.
            const kind = numeric(format)
              ? 'num'
              : i === 0 && reflow
                ? 'text title'
                : text.length > REFLOW_SHORT_TEXT
                  ? 'text'
                  : 'text short';
            const label = reflow ? ` data-label="${esc(column?.header ?? '')}"` : '';
            return `<td class="${kind}"${label}>${esc(text)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<h3>${esc(table.title)}</h3><div class="scroll"><table${classes ? ` class="${classes}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export interface HtmlOptions {
  /** When the file was made, as a person reads it ("23/11/2026 09.15 WIB"). */
  readonly generatedAt?: string;
  readonly source?: string;
  /** All `Narasi` rows (those of the report's month are shown), as the deck takes them. */
  readonly narasi?: readonly NarasiRow[];
  /** `Profil Layanan`: the contact section; the seeds' values when absent. */
  readonly profile?: ServiceProfile;
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

/** The team's paragraphs: headings, runs of bullets as one list, plain paragraphs. */
export function paragraphsHtml(paragraphs: readonly NarrativeParagraph[]): string {
  const out: string[] = [];
  let bullets: string[] = [];
  const flush = () => {
    if (bullets.length) out.push(`<ul>${bullets.join('')}</ul>`);
    bullets = [];
  };
  for (const p of paragraphs) {
    if (p.bullet) {
      bullets.push(`<li>${esc(p.text)}</li>`);
      continue;
    }
    flush();
    out.push(p.heading ? `<h3>${esc(p.text)}</h3>` : `<p>${esc(p.text)}</p>`);
  }
  flush();
  return out.join('');
}

const narasiHtml = (rows: readonly NarasiRow[] | undefined, sectionTitle: string | null) =>
  rows?.length ? `<div class="narasi">${paragraphsHtml(narasiBody(rows, sectionTitle))}</div>` : '';

const sectionHtml = (id: string, title: string, body: string) =>
  `<section id="${esc(id)}"><h2>${esc(title)}</h2>${body}</section>`;

/** At most this many findings are named in the report; the Validasi tab lists them all. */
const FINDINGS_NAMED = 5;

/** Where a finding is, as the team finds it in the spreadsheet: "tab Tiket, sel B1272 (kolom Kanal)". */
const findingPlace = (f: Finding) =>
  `Tab ${f.tab}${f.cell ? `, sel ${f.cell}` : f.row ? `, baris ${f.row}` : ''}${f.column ? ` (kolom ${f.column})` : ''}`;

/**
 * The data notice for the director: how many findings, what to fix (the first few, by place in
 * the spreadsheet), and where the full list is. No command: the director does not run any.
 */
function noticeHtml(report: Report, findings: readonly Finding[]): string {
  if (!findings.length) return `<p>Tidak ada temuan pada data ${esc(report.monthLabel)}.</p>`;
  const named = findings.slice(0, FINDINGS_NAMED);
  const more = findings.length - named.length;
  return `<p>Terdapat ${esc(findingsCount(findings))} pada data ${esc(report.monthLabel)}. Baris bergalat tidak dihitung dalam angka laporan ini. Yang perlu diperbaiki di spreadsheet:</p><ul class="findings">${named
    .map((f) => `<li>${esc(`${findingPlace(f)}: ${f.message}`)}</li>`)
    .join(
      '',
    )}</ul><p>${more > 0 ? `Dan ${esc(String(more))} temuan lainnya. ` : ''}Daftar lengkapnya ada di tab Validasi pada laporan .xlsx. Setelah data diperbaiki, buat laporan ini lagi.</p>`;
}

/**
 * A standalone HTML file laid out like the seed reports: one card per section, charts inline,
 * the team's `Narasi` text in its section (core/render/narrative.ts places it, as for the deck),
 * the contacts of `Profil Layanan` and Evaluasi dan Saran. Data findings are not listed in full
 * (the report is for the director): a notice names the first few and points to the Validasi tab.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const placed = placeNarasi(report, options.narasi ?? []);
  const profile = options.profile ?? DEFAULT_PROFILE;
  const tiles = report.sections
    .find((s) => s.id === 'ringkasan')
    ?.metrics.map((key) => report.metrics[key])
    .filter((f) => f !== undefined)
    .map((f) => `<div class="tile"><b>${esc(formatCell(f.value, 'int'))}</b>${esc(f.label)}</div>`)
    .join('');
  const chartOptions = { percentDecimals: report.percentDecimals };
  // As in the deck: a section without data for the month (and no Narasi of its own) is said once
  // in the Ringkasan, not shown as a page of "belum tersedia" and empty chart frames.
  const without = report.sections.filter(
    (s) => s.id !== 'ringkasan' && !placed.bySection.has(s.id) && !sectionHasData(s, report),
  );
  const withoutNote = without.length
    ? `<p>${esc(
        withoutDataSentence(
          report,
          without.map((s) => s.title),
        ),
      )}</p>`
    : '';
  const reportSection = (s: Section) => {
    const charts = s.charts.length
      ? `<div class="charts">${s.charts.map((c) => chartFigure(c, chartOptions)).join('')}</div>`
      : '';
    return sectionHtml(
      s.id,
      s.title,
      `${s.id === 'ringkasan' ? `<div class="tiles">${tiles ?? ''}</div>` : ''}${s.sentences.map((x) => `<p>${esc(x)}</p>`).join('')}${s.id === 'ringkasan' ? withoutNote : ''}${narasiHtml(placed.bySection.get(s.id), s.title)}${charts}${s.tables.map((t) => tableHtml(t)).join('')}`,
    );
  };
  const contacts = [{ label: 'Alamat', value: profile.alamat }, ...contactsOf(profile)];
  // The deck's order of the fixed pages: Ringkasan, Pembuka, the contacts, the sections, then the
  // team's unplaced notes and Evaluasi dan Saran.
  const ringkasan = report.sections.filter((s) => s.id === 'ringkasan');
  const rest = report.sections.filter((s) => s.id !== 'ringkasan' && !without.includes(s));
  const parts = [
    ...ringkasan.map(reportSection),
    placed.pembuka.length ? sectionHtml('pembuka', PEMBUKA, narasiHtml(placed.pembuka, PEMBUKA)) : '',
    sectionHtml(
      'media-layanan',
      'Media Layanan Informasi DJPK',
      `<dl class="contacts">${contacts.map((c) => `<dt>${esc(c.label)}</dt><dd>${esc(c.value)}</dd>`).join('')}</dl>`,
    ),
    ...rest.map(reportSection),
    placed.unplaced.length ? sectionHtml('catatan-tim', 'Catatan Tim', narasiHtml(placed.unplaced, null)) : '',
    sectionHtml(
      'evaluasi',
      EVALUASI,
      placed.evaluasi.length
        ? narasiHtml(placed.evaluasi, EVALUASI)
        : `<p class="muted">${esc(`${EVALUASI} bulan ${report.monthLabel} belum diisi di tab Narasi.`)}</p>`,
    ),
    sectionHtml('catatan-data', 'Catatan Data', noticeHtml(report, [...findingsForMonth(report), ...placed.findings])),
  ];
  return page('Laporan Layanan Informasi DJPK', report.monthLabel, parts.filter(Boolean).join('\n'), options);
}

/** `validate --format html`: the findings table on its own page, for the team that fixes the data. */
export function renderFindingsHtml(findings: readonly Finding[], period: string, options: HtmlOptions = {}): string {
  const body = findings.length
    ? `<section id="validasi"><h2>Temuan Data</h2><p>${esc(findingsCount(findings))}. Baris bergalat tidak dihitung dalam laporan sampai diperbaiki; peringatan tetap dihitung tetapi perlu diperiksa.</p>${tableHtml(findingsAsTable(findings, 'Daftar Temuan'), 'findings').replace(/<td class="text title" data-label="Tingkat">Galat<\/td>/g, '<td class="text title galat" data-label="Tingkat">Galat</td>')}</section>`
    : '<section id="validasi"><h2>Temuan Data</h2><p>Tidak ada temuan.</p></section>';
  return page('Validasi Data Layanan Informasi DJPK', period, body, options);
}
